package dev.pat.shell;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.Confirmation;
import dev.pat.domain.port.in.SignIn;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is signed in to this shell. Token commands act as that account. {@code --login} on a command signs in for
 * that one command only (in the interactive shell as in the one-command form): the shell's own sign-in and its
 * prompt stay as they were, and the password typed for it also confirms the change.
 */
@Component
class ShellSession {

    /** The caller of a command, and the password already typed in this command, if any. */
    record Acting(Caller caller, Optional<Password> password) {
        /** The password confirming the change: the one typed to sign in, or asked when the core needs it. */
        Confirmation confirmation(CommandContext ctx) {
            return () -> password.orElseGet(() -> Prompts.password(ctx, "Password (confirms the change): "));
        }
    }

    private record Signed(Credential credential, String login) {
    }

    private final SignIn signIn;
    private final AuthorizeCall authorize;
    private Signed signed;
    private Signed borrowed;

    ShellSession(@Lazy SignIn signIn, @Lazy AuthorizeCall authorize) {
        this.signIn = signIn;
        this.authorize = authorize;
    }

    synchronized void signIn(CommandContext ctx, Login who) {
        Signed session = signInWith(ctx, who, Prompts.password(ctx, "Password for " + who.value() + ": "));
        end();
        signed = session;
    }

    private Signed signInWith(CommandContext ctx, Login who, Password password) {
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
        return new Signed(session, signedIn.account().login().value());
    }

    /** The account acting in this command: with {@code --login}, signed in for this command alone. */
    synchronized Acting acting(CommandContext ctx, String loginOption, ApiMethod method) {
        Optional<Password> typed = Optional.empty();
        Signed acting = signed;
        if (loginOption != null && !loginOption.isBlank()
                && (signed == null || !signed.login().equalsIgnoreCase(loginOption.trim()))) {
            Login who = new Login(loginOption);
            Password password = Prompts.password(ctx, "Password for " + who.value() + ": ");
            signOut(borrowed);
            borrowed = signInWith(ctx, who, password);
            acting = borrowed;
            typed = Optional.of(password);
        }
        if (acting == null) {
            throw ShellFailure.notSignedIn();
        }
        try {
            return new Acting(authorize.authorize(acting.credential(), method, ClientAddress.LOCAL), typed);
        } catch (NotAuthenticated ended) {
            if (acting == signed) {
                signed = null;
                throw ShellFailure.sessionEnded(acting.login());
            }
            throw ended;
        }
    }

    /** The login signed in to the shell, if any (a command's own --login is not the shell's). */
    synchronized Optional<String> login() {
        return Optional.ofNullable(signed).map(Signed::login);
    }

    /**
     * Who is signed in, asking the platform whether the session still holds: one that ended (idle, signed out
     * elsewhere, a changed password) is forgotten and said so.
     */
    synchronized Optional<String> verifiedLogin() {
        if (signed == null) {
            return Optional.empty();
        }
        try {
            authorize.authorize(signed.credential(), ApiCatalog.CHECK_SIGN, ClientAddress.LOCAL);
            return Optional.of(signed.login());
        } catch (NotAuthenticated ended) {
            String login = signed.login();
            signed = null;
            throw ShellFailure.sessionEnded(login);
        }
    }

    /** The account signed in to the shell, if its session still holds; never asks anything. */
    synchronized Optional<AccountId> signedInAccount() {
        if (signed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(authorize.authorize(signed.credential(), ApiCatalog.GET_TOKENS, ClientAddress.LOCAL)
                    .account());
        } catch (RuntimeException ended) {
            return Optional.empty();
        }
    }

    /** After each command: a session signed in for that command alone ends with it. */
    synchronized void commandEnded() {
        signOut(borrowed);
        borrowed = null;
    }

    /** Signs out, if signed in. */
    synchronized void end() {
        commandEnded();
        signOut(signed);
        signed = null;
    }

    private void signOut(Signed session) {
        if (session != null) {
            try {
                signIn.signOut(session.credential(), ClientAddress.LOCAL);
            } catch (RuntimeException alreadyEnded) {
                // an ended session needs no sign-out
            }
        }
    }
}
