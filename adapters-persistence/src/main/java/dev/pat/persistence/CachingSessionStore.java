package dev.pat.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.port.out.SessionStore;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Signed-in sessions held in memory by digest, so a call with a session costs no database round trip. As with
 * tokens ({@link CachingTokenStore}), a digest is dropped the moment a change to it commits here and as soon as
 * another node's change is announced; while the announcements cannot be followed every lookup reads the database.
 * Keys nobody holds are not remembered: a lookup of one always reads the database.
 */
final class CachingSessionStore implements SessionStore, DigestCache {
    private final SessionStore database;
    private final Cache<Digest, Session> known;
    private final AtomicBoolean trusted;
    private final LongAdder databaseLookups = new LongAdder();
    // counts every invalidation: a lookup that raced one drops what it cached (see byDigest)
    private final AtomicLong invalidations = new AtomicLong();

    CachingSessionStore(SessionStore database, int capacity, Duration maxAge, AtomicBoolean trusted) {
        this.database = database;
        this.trusted = trusted;
        this.known = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(maxAge).build();
    }

    @Override
    public Optional<Session> byDigest(Digest digest) {
        if (trusted.get()) {
            Session hit = known.getIfPresent(digest);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        long before = invalidations.get();
        databaseLookups.increment();
        Optional<Session> found = database.byDigest(digest);
        if (found.isPresent() && trusted.get()) {
            known.put(digest, found.get());
            // a change announced while the row was read may have come before the put: what was read is not kept
            if (invalidations.get() != before) {
                known.invalidate(digest);
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

    @Override
    public void add(Session session) {
        database.add(session);
    }

    @Override
    public void update(Session session) {
        database.update(session);
    }

    @Override
    public void remove(Digest digest) {
        database.remove(digest);
    }

    @Override
    public void removeAllOf(AccountId account) {
        database.removeAllOf(account);
    }
}
