package dev.pat.domain.model;

/** The presented session or token does not (or no longer) authenticate anybody, and why. */
public final class NotAuthenticated extends PatFailure {

    /** Why a presented credential was refused. */
    public enum Reason {
        MISSING("no session or token given"),
        MALFORMED("the token is malformed (checksum mismatch)"),
        UNKNOWN("unknown session or token"),
        EXPIRED("the token has expired"),
        IDLE("the token was unused for longer than its idleDays and stopped working; edit or regenerate it"),
        REMOVED("the token was removed"),
        REVOKED("the token's value was reported leaked and revoked; its owner can regenerate it"),
        REPLACED("the token was regenerated; use its new value"),
        SESSION_ENDED("the session has ended; sign in again");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    public NotAuthenticated(Reason reason) {
        super("not authenticated: " + reason.text);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
