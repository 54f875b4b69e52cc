package dev.pat.domain.model;

/** A change was not applied because the password confirming it was wrong. */
public final class PasswordConfirmationFailed extends PatFailure {
    public PasswordConfirmationFailed() {
        super("password confirmation failed: wrong password, nothing was changed");
    }
}
