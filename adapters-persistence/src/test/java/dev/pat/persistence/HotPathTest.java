package dev.pat.persistence;

import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.service.Platform;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.domain.testing.TestPlatform;
import dev.pat.persistence.testing.DatabaseFixture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authorisation hot path on a real database: answered from memory, yet every change counts at once. */
abstract class HotPathTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    protected abstract String freshDatabaseUrl();

    final PinnedClock clock = new PinnedClock(T0);
    Database database;
    Platform platform;
    AccountId ann;

    static Platform platformOn(Database db, PinnedClock clock, long seed) {
        return new Platform(DatabaseFixture.ports(db, clock, seed),
                Platform.Policies.STANDARD);
    }

    static Database open(String url, PinnedClock clock) {
        return DatabaseFixture.open(url, clock);
    }

    String url;

    @BeforeEach
    void setUp() {
        url = freshDatabaseUrl();
        database = open(url, clock);
        platform = platformOn(database, clock, 1);
        ann = platform.administration().createAccount(new Login("ann@example.com"), new DisplayName("Ann"),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** A new token, once this node's feed has seen the change (its own, too), so what follows is steady state. */
    ManageTokens.Issued generate(String set) {
        ManageTokens.Issued issued = platform.tokens().generate(new ManageTokens.Generate(as(ann),
                TestPlatform.password(), new Description("ci"), ScopeRequest.apiSet(set), Expiry.parse("31-12-2026")));
        database.followTokenChanges();
        return issued;
    }

    void authorize(ManageTokens.Issued token) {
        platform.authorize().authorize(Credential.presented(token.value().reveal()), ApiCatalog.STOP_ENV, HERE);
    }

    NotAuthenticated.Reason refusal(String value) {
        try {
            platform.authorize().authorize(Credential.presented(value), ApiCatalog.STOP_ENV, HERE);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
        throw new AssertionError("was let in");
    }

    @Test
    void a_known_token_is_answered_from_memory() {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        long lookups = database.tokenLookupsInDatabase();
        for (int i = 0; i < 1_000; i++) {
            authorize(token);
        }
        assertThat(database.tokenLookupsInDatabase()).isEqualTo(lookups);
    }

    @Test
    void last_use_is_written_in_batches_and_kept_across_a_clean_shutdown() {
        ManageTokens.Issued token = generate("IDE Plugins");
        clock.set(T0.plusSeconds(90));
        authorize(token);
        database.close();
        database = open(url, clock);
        assertThat(database.tokens().byId(token.id()).orElseThrow().lastUsed()).contains(T0.plusSeconds(90));
    }

    @Test
    void last_use_that_could_not_be_written_is_kept_for_the_next_flush() {
        ManageTokens.Issued token = generate("IDE Plugins");
        clock.set(T0.plusSeconds(90));
        authorize(token);
        Jdbi raw = Jdbi.create(database.dataSource());
        raw.useHandle(h -> h.execute("ALTER TABLE access_tokens RENAME TO access_tokens_away"));
        assertThatThrownBy(database::flushUsage).isInstanceOf(RuntimeException.class);
        raw.useHandle(h -> h.execute("ALTER TABLE access_tokens_away RENAME TO access_tokens"));
        clock.set(T0.plusSeconds(60));
        authorize(token);

        assertThat(database.flushUsage()).isEqualTo(1);
        database.close();
        database = open(url, clock);
        assertThat(database.tokens().byId(token.id()).orElseThrow().lastUsed()).contains(T0.plusSeconds(90));
    }

    @Test
    void removing_takes_effect_on_the_very_next_call() {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        platform.tokens().remove(new ManageTokens.Remove(as(ann), TestPlatform.password(), Set.of(token.id())));
        assertThat(refusal(token.value().reveal())).isEqualTo(NotAuthenticated.Reason.REMOVED);
    }

    @Test
    void regenerating_takes_effect_on_the_very_next_call() {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        ManageTokens.Issued renewed = platform.tokens().regenerate(new ManageTokens.Regenerate(as(ann),
                TestPlatform.password(), token.id(), Optional.empty()));
        assertThat(refusal(token.value().reveal())).isEqualTo(NotAuthenticated.Reason.REPLACED);
        authorize(renewed);
    }

    @Test
    void editing_takes_effect_on_the_very_next_call() {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        platform.tokens().edit(new ManageTokens.Edit(as(ann), TestPlatform.password(), token.id(),
                Optional.empty(), Optional.of(ScopeRequest.apiSet("Marketplace")), Optional.empty()));
        assertThatThrownBy(() -> authorize(token)).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void expiring_takes_effect_on_the_very_next_call() {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(refusal(token.value().reveal())).isEqualTo(NotAuthenticated.Reason.EXPIRED);
    }

    @Test
    void a_burst_of_random_well_formed_values_costs_bounded_work_and_evicts_nothing() throws Exception {
        ManageTokens.Issued token = generate("IDE Plugins");
        authorize(token);
        long before = database.tokenLookupsInDatabase();
        List<String> burst = new java.util.ArrayList<>();
        SeededRandomness random = new SeededRandomness(7);
        for (int i = 0; i < 2_000; i++) {
            burst.add(TokenValue.generate(random).reveal());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (String value : burst) {
            pool.submit(() -> refusal(value));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // each unknown value costs at most one indexed lookup (CachingTokenStoreTest: never many at once)
        assertThat(database.tokenLookupsInDatabase() - before).isLessThanOrEqualTo(burst.size());
        // and the real token is still answered from memory: the burst evicted nothing
        long afterBurst = database.tokenLookupsInDatabase();
        authorize(token);
        assertThat(database.tokenLookupsInDatabase()).isEqualTo(afterBurst);
    }

}
