package dev.pat.shell;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.SignIn;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is signed in to this shell. Token commands act as that account; in one-command mode, {@code --login}
 * signs in for the one command, and the password typed for it also confirms the change.
 */
@Component
class ShellSession {

    /** The caller of a command, and the password already typed in this command, if any. */
    record Acting(Caller caller, Optional<Password> password) {
        Password confirmation(CommandContext ctx) {
            return password.orElseGet(() -> Prompts.password(ctx, "Password (confirms the change): "));
        }
    }

    private final SignIn signIn;
    private final AuthorizeCall authorize;
    private Credential credential;
    private String login;

    ShellSession(SignIn signIn, AuthorizeCall authorize) {
        this.signIn = signIn;
        this.authorize = authorize;
    }

    synchronized void signIn(CommandContext ctx, Login who) {
        signInWith(ctx, who, Prompts.password(ctx, "Password for " + who.value() + ": "));
    }

    private void signInWith(CommandContext ctx, Login who, Password password) {
        SignIn.SignedIn signedIn = signIn.signIn(who, password, ClientAddress.LOCAL);
        Credential session = Credential.presented(signedIn.key().reveal());
        if (signedIn.pending()) {
            try {
                signIn.verifyTwoFactor(session, Prompts.code(ctx), ClientAddress.LOCAL);
            } catch (RuntimeException wrongOrAbandoned) {
                signIn.signOut(session, ClientAddress.LOCAL);
                throw wrongOrAbandoned;
            }
        }
        end();
        this.credential = session;
        this.login = signedIn.account().login().value();
    }

    /** The account acting in this command, signing in first with {@code --login} when not signed in. */
    synchronized Acting acting(CommandContext ctx, String loginOption, ApiMethod method) {
        Optional<Password> typed = Optional.empty();
        if (loginOption != null && !loginOption.isBlank()
                && (login == null || !login.equalsIgnoreCase(loginOption.trim()))) {
            Login who = new Login(loginOption);
            Password password = Prompts.password(ctx, "Password for " + who.value() + ": ");
            signInWith(ctx, who, password);
            typed = Optional.of(password);
        }
        if (credential == null) {
            throw ShellFailure.notSignedIn();
        }
        return new Acting(authorize.authorize(credential, method, ClientAddress.LOCAL), typed);
    }

    synchronized Optional<String> login() {
        return Optional.ofNullable(login);
    }

    /** Signs out, if signed in. */
    synchronized void end() {
        if (credential != null) {
            try {
                signIn.signOut(credential, ClientAddress.LOCAL);
            } catch (RuntimeException alreadyEnded) {
                // an ended session needs no sign-out
            }
            credential = null;
            login = null;
        }
    }
}
