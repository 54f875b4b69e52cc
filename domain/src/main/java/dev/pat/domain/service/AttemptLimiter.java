package dev.pat.domain.service;

import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.account.AttemptPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after a number of failed password or code attempts on one key within a window, further
 * attempts are refused until the window has passed. Held in memory, per process.
 */
public final class AttemptLimiter {
    private static final int MAX_KEYS = 10_000;

    private record Failures(int count, Instant firstAt) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AttemptLimiter(AttemptPolicy policy) {
        this.maxFailures = policy.maxFailures();
        this.window = policy.window();
    }

    public static AttemptLimiter standard() {
        return new AttemptLimiter(AttemptPolicy.STANDARD);
    }

    /** Refuses the attempt when the key has failed too often in the current window. */
    public void check(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return;
        }
        Instant reopens = f.firstAt().plus(window);
        if (!now.isBefore(reopens)) {
            failures.remove(key, f);
        } else if (f.count() >= maxFailures) {
            throw new TooManyAttempts(Duration.between(now, reopens));
        }
    }

    public void failed(String key, Instant now) {
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> !now.isBefore(f.firstAt().plus(window)));
        }
        failures.merge(key, new Failures(1, now), (old, one) ->
                now.isBefore(old.firstAt().plus(window)) ? new Failures(old.count() + 1, old.firstAt()) : one);
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
