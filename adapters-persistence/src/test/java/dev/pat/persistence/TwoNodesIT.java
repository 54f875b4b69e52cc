package dev.pat.persistence;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.TestPlatform;
import dev.pat.persistence.testing.DatabaseFixture;
import dev.pat.persistence.testing.EmbeddedPostgresSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes on one database, each with its own token cache: a change made on one reaches the others through
 * the token_events log (LISTEN/NOTIFY on PostgreSQL, polling on an SQLite file shared by processes).
 */
class TwoNodesIT {
    private static final int ROUNDS = 100;
    private final PinnedClock clock = new PinnedClock(HotPathTest.T0);

    private static AccountId account(Node node) {
        return node.platform().administration().createAccount(new Login("ann@example.com"), new DisplayName("Ann"),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    private static ManageTokens.Issued generate(Node node, AccountId ann) {
        return node.platform().tokens().generate(new ManageTokens.Generate(as(ann), TestPlatform.password(),
                new Description("ci"), ScopeRequest.apiSet("Extended Access"), Expiry.parse("31-12-2026")));
    }

    /** Removes tokens on one node, measuring how long until the other, which had them cached, refuses them. */
    private List<Long> revocationDelays(String url) throws InterruptedException {
        List<Long> delaysMicros = new ArrayList<>();
        try (Node a = Node.on(url, clock, 1); Node b = Node.on(url, clock, 2)) {
            AccountId ann = account(b);
            for (int round = 0; round < ROUNDS; round++) {
                ManageTokens.Issued token = generate(b, ann);
                assertThat(a.lets(token.value().reveal())).as("a new token works on the other node at once").isTrue();
                assertThat(a.lets(token.value().reveal())).isTrue();
                b.platform().tokens().remove(new ManageTokens.Remove(as(ann), TestPlatform.password(),
                        Set.of(token.id())));
                long removed = System.nanoTime();
                long deadline = removed + Duration.ofSeconds(5).toNanos();
                while (a.lets(token.value().reveal())) {
                    assertThat(System.nanoTime()).as("node A still lets a removed token in").isLessThan(deadline);
                    Thread.sleep(0, 200_000);
                }
                delaysMicros.add((System.nanoTime() - removed) / 1_000);
            }
        }
        Collections.sort(delaysMicros);
        return delaysMicros;
    }

    private static long p99(List<Long> sorted) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    }

    @Test
    void a_removal_on_one_postgres_node_reaches_the_other_through_listen_notify() throws Exception {
        List<Long> delays = revocationDelays(EmbeddedPostgresSupport.freshDatabaseUrl());
        System.out.printf("PostgreSQL, two nodes: revocation seen by the other node after p50 %d µs, p99 %d µs,"
                + " max %d µs (%d rounds)%n", delays.get(delays.size() / 2), p99(delays),
                delays.get(delays.size() - 1), delays.size());
        assertThat(delays).hasSize(ROUNDS);
        // README's promise: another node refuses a removed token within 50 ms (p99); measured here about 10 ms
        assertThat(p99(delays)).as("p99 µs").isLessThan(50_000);
    }

    @Test
    void a_removal_by_one_process_on_an_sqlite_file_reaches_another() throws Exception {
        List<Long> delays = revocationDelays(DatabaseFixture.freshSqliteUrl());
        System.out.printf("SQLite, two processes: revocation seen after p50 %d µs, p99 %d µs (%d rounds)%n",
                delays.get(delays.size() / 2), p99(delays), delays.size());
        assertThat(delays).hasSize(ROUNDS);
        // README's promise: another process on the file refuses it within 50 ms (p99); measured here about 8 ms
        assertThat(p99(delays)).as("p99 µs").isLessThan(50_000);
    }

    @Test
    void a_node_that_loses_its_feed_stops_trusting_its_cache() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabaseUrl();
        try (Node a = Node.on(url, clock, 1)) {
            AccountId ann = account(a);
            ManageTokens.Issued token = generate(a, ann);
            a.database().followTokenChanges();
            assertThat(a.lets(token.value().reveal())).isTrue();
            Jdbi raw = Jdbi.create(EmbeddedPostgresSupport.instance().getDatabase("postgres",
                    url.replaceAll(".*/([^/?]+)\\?.*", "$1")));
            // a change that announces nothing: only an emptied, bypassed cache can notice it
            raw.useHandle(h -> h.execute("DELETE FROM access_tokens"));
            assertThat(a.lets(token.value().reveal())).as("still cached: no event was written").isTrue();

            raw.useHandle(h -> h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (a.lets(token.value().reveal())) {
                assertThat(System.nanoTime()).as("the cache was still trusted after losing the feed")
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            while (!a.database().tokenCacheTrusted()) {
                assertThat(System.nanoTime()).as("the feed came back").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(a.lets(token.value().reveal())).isFalse();
        }
    }
}
