package dev.pat.domain.model;

/** Sign-in with a wrong login or password; never says which of the two was wrong. */
public final class SignInFailed extends PatFailure {
    public SignInFailed() {
        super("authentication failed: wrong login or password");
    }
}
