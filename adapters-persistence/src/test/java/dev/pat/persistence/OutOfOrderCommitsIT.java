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
import dev.pat.persistence.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.pat.domain.testing.TestPlatform.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL hands out sequence numbers when rows are inserted, not when transactions commit. Writer A takes the
 * lower number and commits last: a follower that moved past the higher number must still learn of A's change.
 */
class OutOfOrderCommitsIT {
    private final PinnedClock clock = new PinnedClock(HotPathTest.T0);

    private static AccountId account(Node node, String login) {
        return node.platform().administration().createAccount(new Login(login), new DisplayName(login),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    private static ManageTokens.Issued generate(Node node, AccountId owner) {
        return node.platform().tokens().generate(new ManageTokens.Generate(as(owner), TestPlatform.password(),
                new Description("ci"), ScopeRequest.apiSet("Extended Access"), Expiry.parse("31-12-2026")));
    }

    private static void remove(Node node, AccountId owner, ManageTokens.Issued token) {
        node.platform().tokens().remove(new ManageTokens.Remove(as(owner), TestPlatform.password(),
                Set.of(token.id())));
    }

    @Test
    void a_removal_committed_after_a_later_numbered_one_still_reaches_the_other_node() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabaseUrl();
        ExecutorService writerA = Executors.newSingleThreadExecutor();
        try (Node a = Node.on(url, clock, 1); Node b = Node.on(url, clock, 2); Node follower = Node.on(url, clock, 3)) {
            AccountId ann = account(a, "ann@example.com");
            AccountId bob = account(a, "bob@example.com");
            ManageTokens.Issued anns = generate(a, ann);
            ManageTokens.Issued bobs = generate(a, bob);
            follower.database().followTokenChanges();
            assertThat(follower.lets(anns.value().reveal())).isTrue();
            assertThat(follower.lets(bobs.value().reveal())).isTrue();

            // A removes Ann's token and holds its transaction open: its token_events row has the lower number
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> slow = writerA.submit(() -> a.database().transactions().inTransaction(() -> {
                a.database().tokens().lockTokensOf(ann);
                a.database().tokens().remove(List.of(anns.id()));
                written.countDown();
                await(commit);
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

            // B removes Bob's token and commits first, with the higher number; the follower sees it
            remove(b, bob, bobs);
            waitUntilRefused(follower, bobs, Duration.ofSeconds(5));
            follower.database().followTokenChanges();
            assertThat(follower.lets(anns.value().reveal())).as("A has not committed yet").isTrue();

            commit.countDown();
            slow.get(10, TimeUnit.SECONDS);
            long committed = System.nanoTime();
            waitUntilRefused(follower, anns, Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(2));
        } finally {
            writerA.shutdownNow();
        }
    }

    private static void waitUntilRefused(Node node, ManageTokens.Issued token, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (node.lets(token.value().reveal())) {
            assertThat(System.nanoTime()).as("the follower still lets the removed token " + token.id().value()
                    + " in").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
