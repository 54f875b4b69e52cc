package dev.pat.domain.model;

import java.time.Duration;

/** Too many calls (from this address, or with this token) or too many at once: the caller should wait. */
public final class RateLimited extends PatFailure {
    private final Duration retryAfter;

    public RateLimited(String what, Duration retryAfter) {
        super("rate limited: " + what + "; retry after " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
