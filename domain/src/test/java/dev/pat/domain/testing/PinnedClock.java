package dev.pat.domain.testing;

import dev.pat.domain.port.out.Clock;

import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until a test moves it. */
public final class PinnedClock implements Clock {
    private volatile Instant now;

    public PinnedClock(Instant now) {
        this.now = now;
    }

    public static PinnedClock at(String isoInstant) {
        return new PinnedClock(Instant.parse(isoInstant));
    }

    @Override
    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }
}
