package dev.pat.shell;

import dev.pat.domain.model.account.Login;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Signing in and out of the shell as an account. */
@Component
class SessionCommands {
    private static final String GROUP = "Session";
    private final ShellSession session;

    SessionCommands(ShellSession session) {
        this.session = session;
    }

    @Command(name = "signin", group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Sign in as an account: asks for the password, then the two-factor code if it is on")
    void signin(CommandContext ctx,
                @Option(longName = "login", description = "the account's e-mail", required = true) String login) {
        session.signIn(ctx, new Login(login));
        ctx.outputWriter().println("Signed in as " + session.login().orElseThrow() + ".");
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
            description = "Show who is signed in")
    void whoami(CommandContext ctx) {
        ctx.outputWriter().println(session.login().map(l -> "Signed in as " + l + ".").orElse("Not signed in."));
        ctx.outputWriter().flush();
    }
}
