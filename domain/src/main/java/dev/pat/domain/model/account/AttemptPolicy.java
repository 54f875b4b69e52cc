package dev.pat.domain.model.account;

import java.time.Duration;

/** How many failed password or code attempts are allowed within a window before further ones must wait. */
public record AttemptPolicy(int maxFailures, Duration window) {
    public static final AttemptPolicy STANDARD = new AttemptPolicy(5, Duration.ofMinutes(15));

    public AttemptPolicy {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("at least one attempt, in a positive window");
        }
    }
}
