package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.Scope;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.testing.SeededRandomness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache in front of the token store, against a slow stand-in database that counts what reaches it. */
class CachingTokenStoreTest {
    private final SeededRandomness random = new SeededRandomness(3);
    private final AccessToken known = AccessToken.generate(new AccountId(1), new Description("ci"),
            Scope.of(ApiCatalog.IDE_PLUGINS), Expiry.parse("2099-01-01"), TokenValue.generate(random),
            ExpiryPolicy.UNLIMITED, Instant.parse("2026-11-27T10:00:00Z")).withId(new TokenId(1));

    /** Knows one token; every lookup takes a moment, and the most lookups in flight at once is recorded. */
    private final class SlowDatabase implements TokenStore {
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile CountDownLatch reading = new CountDownLatch(0);
        volatile CountDownLatch answer = new CountDownLatch(0);

        @Override
        public Lookup byDigest(Digest digest) {
            lookups.incrementAndGet();
            reading.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return digest.equals(known.digest()) ? new Found(known) : new Unknown();
        }

        @Override public AccessToken add(AccessToken token) { return token; }
        @Override public Optional<AccessToken> byId(TokenId id) { return Optional.empty(); }
        @Override public List<AccessToken> ofAccount(AccountId owner) { return List.of(); }
        @Override public List<AccessToken> all() { return List.of(); }
        @Override public void lockTokensOf(AccountId owner) { }
        @Override public int countOf(AccountId owner) { return 0; }
        @Override public void saveSettings(AccessToken token) { }
        @Override public void replaceValue(AccessToken renewed, Digest replaced) { }
        @Override public void endGracePeriod(AccessToken token, Digest previous) { }
        @Override public void revokeForLeak(AccessToken revoked, Digest value) { }
        @Override public void remove(Collection<TokenId> ids) { }
    }

    private final SlowDatabase database = new SlowDatabase();
    private final AtomicBoolean trusted = new AtomicBoolean(true);
    private final CachingTokenStore cache = new CachingTokenStore(database, 100, Duration.ofMinutes(5), trusted);

    @Test
    void a_flood_of_unknown_values_never_has_more_than_a_few_lookups_in_flight() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        for (int i = 0; i < 1_280; i++) {
            Digest digest = TokenValue.generate(random).digest();
            pool.submit(() -> cache.byDigest(digest));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(database.lookups.get()).isEqualTo(1_280);
        assertThat(database.mostInFlight.get()).isGreaterThan(1)
                .isLessThanOrEqualTo(CachingTokenStore.MISSES_IN_FLIGHT);
    }

    @Test
    void unknown_values_do_not_evict_the_known_tokens() {
        assertThat(cache.byDigest(known.digest())).isInstanceOf(TokenStore.Found.class);
        for (int i = 0; i < 600; i++) {
            assertThat(cache.byDigest(TokenValue.generate(random).digest())).isInstanceOf(TokenStore.Unknown.class);
        }
        int before = database.lookups.get();
        assertThat(cache.byDigest(known.digest())).isInstanceOf(TokenStore.Found.class);
        assertThat(database.lookups.get()).isEqualTo(before);
    }

    @Test
    void an_invalidated_digest_is_looked_up_again() {
        cache.byDigest(known.digest());
        cache.invalidate(known.digest());
        cache.byDigest(known.digest());
        assertThat(database.lookups.get()).isEqualTo(2);
    }

    @Test
    void a_change_announced_while_the_database_was_read_does_not_leave_the_old_answer_cached() throws Exception {
        database.reading = new CountDownLatch(1);
        database.answer = new CountDownLatch(1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        // this lookup reads the token as it was just before a change commits...
        Future<TokenStore.Lookup> racing = caller.submit(() -> cache.byDigest(known.digest()));
        assertThat(database.reading.await(10, TimeUnit.SECONDS)).isTrue();
        // ...and the change is announced before that read returns
        cache.invalidate(known.digest());
        database.answer.countDown();
        assertThat(racing.get(10, TimeUnit.SECONDS)).isInstanceOf(TokenStore.Found.class);
        caller.shutdown();

        cache.byDigest(known.digest());
        assertThat(database.lookups.get()).as("the next call reads the database again").isEqualTo(2);
    }

    @Test
    void an_untrusted_cache_is_bypassed() {
        cache.byDigest(known.digest());
        trusted.set(false);
        cache.byDigest(known.digest());
        cache.byDigest(known.digest());
        assertThat(database.lookups.get()).isEqualTo(3);
    }
}
