package dev.pat.persistence;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.pat.domain.testing.TestPlatform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Environments are cached on every node (GetEnvInfo reads no row), so every change to one must reach the other
 * nodes' caches: a status, a display name, a removal. Checked on two nodes of one database, one writer and then
 * several at once.
 */
abstract class EnvironmentsOnTwoNodes {
    static final int WRITERS_PER_NODE = 3;
    static final int ROUNDS_PER_WRITER = 40;
    /** Generous for a loaded 2-core machine: what is asserted is that the change arrives, not how fast. */
    static final Duration BOUND = Duration.ofSeconds(1);

    private final PinnedClock clock = new PinnedClock(HotPathTest.T0);
    private final EnvName staging = new EnvName("staging");
    private Node a;
    private Node b;
    private Caller ann;

    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void twoNodes() {
        String url = freshDatabaseUrl();
        a = Node.on(url, clock, 1, Node.UNTHROTTLED);
        b = Node.on(url, clock, 2, Node.UNTHROTTLED);
        ann = as(account("ann@example.com"));
        a.platform().environments().create(ann, staging);
    }

    private AccountId account(String login) {
        return a.platform().administration().createAccount(new Login(login), new DisplayName("Someone"),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static ManageEnvironments envs(Node node) {
        return node.platform().environments();
    }

    /** Waits until the node's GetEnvInfo shows what is expected, up to the bound; answers whether it did. */
    private static boolean seenWithin(Node node, Caller caller, EnvName name, Predicate<Environment> expected)
            throws InterruptedException {
        return Node.within(BOUND, () -> expected.test(envs(node).info(caller, name)));
    }

    @Test
    void environment_info_is_answered_from_memory() {
        envs(b).info(ann, staging);
        long before = b.database().environmentLookupsInDatabase();
        for (int i = 0; i < 100; i++) {
            assertThat(envs(b).info(ann, staging).name()).isEqualTo(staging);
        }
        assertThat(b.database().environmentLookupsInDatabase()).isEqualTo(before);
    }

    @Test
    void a_stop_and_a_new_display_name_on_one_node_are_seen_by_the_other() throws Exception {
        assertThat(envs(b).info(ann, staging).status()).isEqualTo(EnvStatus.RUNNING);

        envs(a).stop(ann, staging);
        assertThat(seenWithin(b, ann, staging, e -> e.status() == EnvStatus.DOWN)).isTrue();

        envs(b).setDisplayName(ann, staging, Optional.of("Staging"));
        assertThat(seenWithin(a, ann, staging, e -> e.settings().displayName().equals(Optional.of("Staging"))))
                .isTrue();
        // a change starts from the stored row, not from a node's copy: the start keeps the name set on B
        assertThat(envs(a).start(ann, staging).settings().displayName()).contains("Staging");
        assertThat(seenWithin(b, ann, staging, e -> e.status() == EnvStatus.RUNNING
                && e.settings().displayName().equals(Optional.of("Staging")))).isTrue();
    }

    @Test
    void a_change_starts_from_the_stored_row_even_before_the_node_hears_of_another_change() throws Exception {
        assertThat(envs(a).info(ann, staging).settings().displayName()).isEmpty();
        // a change whose announcement node A has not heard yet: written behind the feed's back
        try (var connection = b.database().dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE environments SET display_name = ? WHERE name = ?")) {
            statement.setString(1, "Renamed elsewhere");
            statement.setString(2, staging.value());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        Environment stopped = envs(a).stop(ann, staging);

        assertThat(stopped.settings().displayName()).contains("Renamed elsewhere");
        assertThat(envs(b).info(ann, staging).settings().displayName()).contains("Renamed elsewhere");
    }

    @Test
    void an_environment_removed_on_one_node_is_gone_on_the_other_and_its_name_can_be_taken_again() throws Exception {
        assertThat(envs(b).info(ann, staging)).isNotNull();

        envs(a).delete(ann, staging, TestPlatform.password());
        assertThat(Node.within(BOUND, () -> {
            try {
                envs(b).info(ann, staging);
                return false;
            } catch (EnvironmentNotFound gone) {
                return true;
            }
        })).as("node B no longer shows the removed environment").isTrue();

        Caller bob = as(account("bob@example.com"));
        envs(a).create(bob, staging);
        assertThatThrownBy(() -> envs(b).info(ann, staging)).isInstanceOf(EnvironmentNotFound.class);
        assertThat(envs(b).info(bob, staging).owner()).isEqualTo(bob.account());
    }

    @Test
    void concurrent_changes_on_two_nodes_are_seen_by_the_other_node() throws Exception {
        List<Node> nodes = List.of(a, b);
        Queue<String> broken = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
                Node here = nodes.get(w % 2);
                Node there = nodes.get(1 - w % 2);
                EnvName own = new EnvName("env-" + w);
                envs(here).create(ann, own);
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS_PER_WRITER; round++) {
                        String name = "round " + round;
                        envs(here).setDisplayName(ann, own, Optional.of(name));
                        if (!seenWithin(there, ann, own, e -> e.settings().displayName().equals(Optional.of(name)))) {
                            broken.add(own.value() + ": the other node missed display name " + name);
                        }
                        Environment moved = round % 2 == 0 ? envs(there).stop(ann, own) : envs(there).start(ann, own);
                        if (!moved.settings().displayName().equals(Optional.of(name))) {
                            broken.add(own.value() + ": a status change lost the display name " + name);
                        }
                        if (!seenWithin(here, ann, own, e -> e.status() == moved.status())) {
                            broken.add(own.value() + ": the writing node missed the status " + moved.status());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(broken).isEmpty();
    }
}
