package dev.pat.domain.model;

/**
 * An expected failure of a use case: each kind names what went wrong and carries what the caller needs;
 * every adapter translates the kinds once, in one place.
 */
public abstract sealed class PatFailure extends RuntimeException
        permits InvalidInput, SignInFailed, NotAuthenticated, PermissionDenied, EnvironmentNotFound,
        TokenNotFound, PasswordConfirmationFailed, TwoFactorFailed, TooManyAttempts, TokenLimitReached, RateLimited {

    protected PatFailure(String message) {
        // no stack trace: these are answers, not faults, and they travel on the hot path
        super(message, null, false, false);
    }
}
