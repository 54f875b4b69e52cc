package dev.pat.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.out.TokenStore;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hot path's token lookup: verified tokens (and retired values) held in a bounded in-memory cache keyed by
 * digest, so a known value costs no database round trip. A digest is dropped the moment a change to it commits
 * here, and as soon as another node's change is announced ({@link TokenEventFeed}). While the announcements
 * cannot be followed, the cache is not trusted: every lookup goes to the database. Values nobody has are kept
 * out of the main cache, remembered briefly, and at most a fixed number are looked up at once, so a flood of
 * random well-formed values can neither evict the real tokens nor swamp the database.
 */
final class CachingTokenStore implements TokenStore, DigestCache {
    static final int MISSES_IN_FLIGHT = 16;
    private static final Unknown UNKNOWN = new Unknown();

    private final TokenStore database;
    private final Cache<Digest, Lookup> known;
    private final Cache<Digest, Boolean> unknown;
    private final AtomicBoolean trusted;
    private final Semaphore misses = new Semaphore(MISSES_IN_FLIGHT);
    private final LongAdder databaseLookups = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder negativeHits = new LongAdder();
    // counts every invalidation: a lookup that raced one drops what it cached (see byDigest)
    private final AtomicLong invalidations = new AtomicLong();

    CachingTokenStore(TokenStore database, int capacity, Duration maxAge, AtomicBoolean trusted) {
        this.database = database;
        this.trusted = trusted;
        // the time bound is a safety net only: changes reach the cache through the feed, at once
        this.known = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(maxAge).build();
        this.unknown = Caffeine.newBuilder().maximumSize(Math.max(1_000, capacity / 10))
                .expireAfterWrite(Duration.ofSeconds(10)).build();
    }

    @Override
    public Lookup byDigest(Digest digest) {
        if (!trusted.get()) {
            return fromDatabase(digest);
        }
        Lookup hit = known.getIfPresent(digest);
        if (hit != null) {
            hits.increment();
            return hit;
        }
        if (unknown.getIfPresent(digest) != null) {
            negativeHits.increment();
            return UNKNOWN;
        }
        misses.acquireUninterruptibly();
        try {
            long before = invalidations.get();
            Lookup found = fromDatabase(digest);
            if (found instanceof Unknown) {
                unknown.put(digest, Boolean.TRUE);
            } else {
                known.put(digest, found);
            }
            // a change committed while the database was read may have been announced before the put above: the
            // answer read may be stale, so it is not kept (an invalidation after this check removes it anyway)
            if (invalidations.get() != before) {
                known.invalidate(digest);
                unknown.invalidate(digest);
            }
            return found;
        } finally {
            misses.release();
        }
    }

    private Lookup fromDatabase(Digest digest) {
        databaseLookups.increment();
        return database.byDigest(digest);
    }

    @Override
    public void invalidate(Digest digest) {
        invalidations.incrementAndGet();
        known.invalidate(digest);
        unknown.invalidate(digest);
    }

    @Override
    public void invalidateAll() {
        invalidations.incrementAndGet();
        known.invalidateAll();
        unknown.invalidateAll();
    }

    /** How many lookups reached the database: what the cache saved is visible to tests and benchmarks. */
    long databaseLookups() {
        return databaseLookups.sum();
    }

    @Override
    public AccessToken add(AccessToken token) {
        return database.add(token);
    }

    @Override
    public Optional<AccessToken> byId(TokenId id) {
        return database.byId(id);
    }

    @Override
    public List<AccessToken> ofAccount(AccountId owner) {
        return database.ofAccount(owner);
    }

    @Override
    public List<AccessToken> all() {
        return database.all();
    }

    @Override
    public void lockTokensOf(AccountId owner) {
        database.lockTokensOf(owner);
    }

    @Override
    public int countOf(AccountId owner) {
        return database.countOf(owner);
    }

    @Override
    public void saveSettings(AccessToken token) {
        database.saveSettings(token);
    }

    @Override
    public void replaceValue(AccessToken renewed, Digest replaced) {
        database.replaceValue(renewed, replaced);
    }

    @Override
    public void revokeForLeak(AccessToken revoked, Digest value) {
        database.revokeForLeak(revoked, value);
    }

    @Override
    public void endGracePeriod(AccessToken token, Digest previous) {
        database.endGracePeriod(token, previous);
    }

    @Override
    public void remove(Collection<TokenId> ids) {
        database.remove(ids);
    }

    /** Lookups answered from memory: a known value, or one remembered as unknown. */
    long hits() {
        return hits.sum();
    }

    long negativeHits() {
        return negativeHits.sum();
    }

    /** How many verified tokens and retired values are held now. */
    long size() {
        return known.estimatedSize();
    }
}
