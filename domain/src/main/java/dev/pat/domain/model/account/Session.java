package dev.pat.domain.model.account;

import dev.pat.domain.model.Digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session, known by the digest of its key. Until the two-factor code is verified it is pending
 * and can do nothing else. It ends when idle too long, when too old, or at sign-out.
 */
public record Session(Digest digest, AccountId account, Instant createdAt, Instant lastSeenAt, boolean pending) {
    public Session {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public static Session open(SessionKey key, AccountId account, boolean awaitingSecondFactor, Instant now) {
        return new Session(key.digest(), account, now, now, awaitingSecondFactor);
    }

    public boolean hasEnded(Instant now, Lifetimes lifetimes) {
        return now.isAfter(lastSeenAt.plus(lifetimes.idle())) || now.isAfter(createdAt.plus(lifetimes.absolute()));
    }

    /** Whether noting this use is worth a write: last-seen moves at most once a minute. */
    public boolean staleSeenAt(Instant now) {
        return now.isAfter(lastSeenAt.plusSeconds(60));
    }

    public Session seenAt(Instant now) {
        return new Session(digest, account, createdAt, now, pending);
    }

    public Session verified() {
        return new Session(digest, account, createdAt, lastSeenAt, false);
    }

    /** How long sessions live: since the last use, and at most since sign-in. */
    public record Lifetimes(Duration idle, Duration absolute) {
        public static final Lifetimes DEFAULT = new Lifetimes(Duration.ofHours(2), Duration.ofHours(24));

        public Lifetimes {
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("idle lifetime must be positive and not above the absolute one");
            }
        }
    }
}
