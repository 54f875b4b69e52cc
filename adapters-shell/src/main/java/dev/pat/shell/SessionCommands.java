package dev.pat.shell;

import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.TokenView;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Signing in and out of the shell as an account. */
@Component
class SessionCommands {
    private static final String GROUP = "Session";
    private final ShellSession session;
    private final ManageTokens tokens;

    SessionCommands(ShellSession session, @Lazy ManageTokens tokens) {
        this.session = session;
        this.tokens = tokens;
    }

    @Command(name = "signin", group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Sign in as an account: asks for the password, then the two-factor code if it is on")
    void signin(CommandContext ctx,
                @Option(longName = "login", description = "the account's e-mail", required = true) String login) {
        session.signIn(ctx, new Login(login));
        ctx.outputWriter().println("Signed in as " + session.login().orElseThrow() + ".");
        var account = session.acting(ctx, null, ApiCatalog.GET_TOKENS).caller().account();
        for (TokenView soon : tokens.expiringSoon(account)) {
            ctx.outputWriter().println("Warning: token " + soon.id() + " \"" + soon.description() + "\" expires "
                    + soon.expiresAt().map(Screen::time).orElse("") + "; regenerate it with a new"
                    + " --expires-at, or edit its Expires At, before scripts using it break.");
        }
        ctx.outputWriter().flush();
    }

    @Command(name = "signout", group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Sign out of the account")
    void signout(CommandContext ctx) {
        session.end();
        ctx.outputWriter().println("Signed out.");
        ctx.outputWriter().flush();
    }

    @Command(name = "whoami", group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Show who is signed in, once the platform confirms the session still holds (exit 8 if not)")
    void whoami(CommandContext ctx) {
        String login = session.verifiedLogin().orElseThrow(ShellFailure::notSignedIn);
        ctx.outputWriter().println("Signed in as " + login + ".");
        ctx.outputWriter().flush();
    }
}
