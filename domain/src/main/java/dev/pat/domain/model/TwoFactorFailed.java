package dev.pat.domain.model;

/** The two-factor code is required and missing, or was wrong. */
public final class TwoFactorFailed extends PatFailure {
    public TwoFactorFailed(String message) {
        super(message);
    }
}
