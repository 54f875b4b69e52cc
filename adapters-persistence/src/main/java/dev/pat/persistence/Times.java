package dev.pat.persistence;

import java.time.Instant;

/** Instants are stored as epoch milliseconds. */
final class Times {
    private Times() {
    }

    static long store(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant load(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
