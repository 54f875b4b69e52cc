package dev.pat.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pat.domain.model.Digest;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Rows held in memory by the digest the change feed announces them under (a session's key, an environment's
 * name), dropped the moment a change to them commits here and as soon as another node's change is announced.
 * Only rows that exist are held: a lookup of anything else reads the database every time. While the feed cannot
 * be followed nothing is held, and inside a transaction the database is always read, so a change is never based on
 * a copy.
 */
final class FollowedCache<V> implements DigestCache {
    private final Cache<Digest, V> known;
    private final AtomicBoolean trusted;
    private final JdbiTransactions transactions;
    private final LongAdder databaseLookups = new LongAdder();
    // counts every invalidation: a lookup that raced one drops what it cached (see get)
    private final AtomicLong invalidations = new AtomicLong();

    FollowedCache(int capacity, Duration maxAge, AtomicBoolean trusted, JdbiTransactions transactions) {
        this.known = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(maxAge).build();
        this.trusted = trusted;
        this.transactions = transactions;
    }

    Optional<V> get(Digest key, Supplier<Optional<V>> database) {
        boolean usable = trusted.get() && !transactions.inTransaction();
        if (usable) {
            V hit = known.getIfPresent(key);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        long before = invalidations.get();
        databaseLookups.increment();
        Optional<V> found = database.get();
        if (usable && found.isPresent()) {
            known.put(key, found.get());
            // a change announced while the row was read may have come before the put: what was read is not kept
            if (invalidations.get() != before) {
                known.invalidate(key);
            }
        }
        return found;
    }

    @Override
    public void invalidate(Digest digest) {
        invalidations.incrementAndGet();
        known.invalidate(digest);
    }

    @Override
    public void invalidateAll() {
        invalidations.incrementAndGet();
        known.invalidateAll();
    }

    /** How many lookups reached the database: what the cache saved is visible to tests. */
    long databaseLookups() {
        return databaseLookups.sum();
    }
}
