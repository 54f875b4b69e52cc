package dev.pat.domain.model;

import java.time.Duration;

/** Too many failed password or code attempts; the caller must wait before trying again. */
public final class TooManyAttempts extends PatFailure {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too many failed attempts; retry after " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
