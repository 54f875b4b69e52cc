package dev.pat.persistence;

import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.testing.FakeSecondFactor;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are cached on every node (a call with a session reads no row), so every change to a session must reach
 * the other nodes' caches: a sign-out, a password change that ends every session, a verified two-factor code and a
 * last-seen time moved by a call on another node. Checked on two nodes of one database, one writer and then
 * several at once.
 */
abstract class SessionsOnTwoNodes {
    static final int WRITERS_PER_NODE = 3;
    static final int ROUNDS_PER_WRITER = 40;
    /** Generous for a loaded 2-core machine: what is asserted is that the change arrives, not how fast. */
    static final Duration BOUND = Duration.ofSeconds(1);

    private final PinnedClock clock = new PinnedClock(HotPathTest.T0);
    private final Login ann = new Login("ann@example.com");
    private Node a;
    private Node b;

    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void twoNodes() {
        String url = freshDatabaseUrl();
        a = Node.on(url, clock, 1, Node.UNTHROTTLED);
        b = Node.on(url, clock, 2, Node.UNTHROTTLED);
        a.platform().administration().createAccount(ann, new DisplayName("Ann"),
                Password.chosen(TestPlatform.PASSWORD));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private String signIn(Node node) {
        return node.platform().signIn().signIn(ann, TestPlatform.password(), HERE).key().reveal();
    }

    private static boolean lets(Node node, String session, ApiMethod method) {
        try {
            node.platform().authorize().authorize(Credential.presented(session), method, HERE);
            return true;
        } catch (NotAuthenticated | TwoFactorFailed e) {
            return false;
        }
    }

    private static boolean lets(Node node, String session) {
        return lets(node, session, ApiCatalog.GET_ENVS);
    }

    /** Waits for a refusal on that node, up to the bound; answers whether it came. */
    private static boolean refusedWithin(Node node, String session) throws InterruptedException {
        return Node.within(BOUND, () -> !lets(node, session));
    }

    @Test
    void calls_with_a_session_are_answered_from_memory() {
        String session = signIn(a);
        assertThat(lets(b, session)).isTrue();
        long before = b.database().sessionLookupsInDatabase();
        for (int i = 0; i < 100; i++) {
            assertThat(lets(b, session)).isTrue();
        }
        assertThat(b.database().sessionLookupsInDatabase()).isEqualTo(before);
    }

    @Test
    void a_sign_out_on_one_node_ends_the_session_on_the_other() throws Exception {
        String session = signIn(a);
        assertThat(lets(a, session)).isTrue();
        assertThat(lets(b, session)).isTrue();

        b.platform().signIn().signOut(Credential.presented(session), HERE);

        assertThat(lets(b, session)).as("the node that signed out").isFalse();
        assertThat(refusedWithin(a, session)).as("the other node refuses the session").isTrue();
    }

    @Test
    void a_password_change_on_one_node_ends_every_session_on_the_other() throws Exception {
        List<String> sessions = List.of(signIn(a), signIn(b), signIn(a));
        sessions.forEach(s -> assertThat(lets(a, s) && lets(b, s)).isTrue());

        b.platform().administration().changePassword(ann, Password.chosen("a new long password"));

        for (String session : sessions) {
            assertThat(refusedWithin(a, session)).isTrue();
            assertThat(lets(b, session)).isFalse();
        }
    }

    @Test
    void a_two_factor_code_verified_on_one_node_lets_the_session_call_everything_on_the_other() throws Exception {
        AdministerAccounts admin = a.platform().administration();
        AdministerAccounts.TwoFactorEnrolment enrolment = admin.beginTwoFactor(ann);
        admin.enableTwoFactor(ann, enrolment.secret(), FakeSecondFactor.codeAt(clock.now()));
        clock.advance(Duration.ofMinutes(1));
        SignIn.SignedIn signedIn = a.platform().signIn().signIn(ann, TestPlatform.password(), HERE);
        String session = signedIn.key().reveal();
        assertThat(signedIn.pending()).isTrue();
        assertThat(lets(b, session, ApiCatalog.GET_ENVS)).as("pending: only the code may be sent").isFalse();

        a.platform().signIn().verifyTwoFactor(Credential.presented(session), FakeSecondFactor.codeAt(clock.now()),
                HERE);

        assertThat(Node.within(BOUND, () -> lets(b, session, ApiCatalog.GET_ENVS)))
                .as("node B no longer treats the session as pending").isTrue();
    }

    @Test
    void a_use_on_one_node_keeps_the_session_alive_on_the_other() throws Exception {
        String session = signIn(a);
        assertThat(lets(b, session)).isTrue();
        // idle sessions end after two hours; the use on node A moves last-seen, which node B must not miss
        clock.advance(Duration.ofHours(1));
        assertThat(lets(a, session)).isTrue();
        a.database().followTokenChanges();
        b.database().followTokenChanges();
        clock.advance(Duration.ofMinutes(90));

        assertThat(lets(b, session)).as("node B judged idleness on a stale last-seen time").isTrue();
        assertThat(lets(a, session)).isTrue();
    }

    @Test
    void concurrent_sign_ins_and_outs_on_two_nodes_keep_every_promise() throws Exception {
        String kept = signIn(a);
        List<Node> nodes = List.of(a, b);
        Queue<String> broken = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
                Node here = nodes.get(w % 2);
                Node there = nodes.get(1 - w % 2);
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS_PER_WRITER; round++) {
                        String session = signIn(here);
                        if (!lets(there, session) || !lets(here, session)) {
                            broken.add("a new session was refused");
                        }
                        there.platform().signIn().signOut(Credential.presented(session), HERE);
                        if (lets(there, session)) {
                            broken.add("the signing-out node still lets the session in");
                        }
                        if (!refusedWithin(here, session)) {
                            broken.add("a signed-out session still works on the other node after " + BOUND);
                        }
                        if (!lets(here, kept) || !lets(there, kept)) {
                            broken.add("a session nobody signed out was refused");
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
        assertThat(lets(a, kept) && lets(b, kept)).isTrue();
    }
}
