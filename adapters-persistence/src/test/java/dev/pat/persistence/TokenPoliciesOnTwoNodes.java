package dev.pat.persistence;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.PolicyRequest;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every token policy on a real database with two nodes, each with its own token cache: a token set up on node A is
 * held to its policies on node B, and a change on A holds on B from its next calls (within the revocation bound).
 */
abstract class TokenPoliciesOnTwoNodes {
    // the shared call counts keep whole minutes of the wall clock: this clock starts at the current one
    private final PinnedClock clock = new PinnedClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    private Node a;
    private Node b;
    private AccountId ann;

    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void twoNodes() {
        String url = freshDatabaseUrl();
        a = Node.on(url, clock, 1);
        b = Node.on(url, clock, 2);
        ann = a.platform().administration().createAccount(new Login("ann@example.com"), new DisplayName("Ann"),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private ManageTokens.Issued generate(String apiSet, PolicyRequest policies) {
        return a.platform().tokens().generate(new ManageTokens.Generate(as(ann), password(), new Description("shared"),
                ScopeRequest.apiSet(apiSet), Optional.of(Expiry.endOf(clock.now().atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate().plusDays(300))), policies));
    }

    private static PolicyRequest envNames(String names) {
        return PolicyRequest.parse(List.of(names), List.of(), Optional.empty(), Optional.empty());
    }

    private static Caller call(Node node, ManageTokens.Issued token, ApiMethod method, ClientAddress from) {
        return node.platform().authorize().authorize(Credential.presented(token.value().reveal()), method, from);
    }

    private static Caller call(Node node, ManageTokens.Issued token, ApiMethod method) {
        return call(node, token, method, HERE);
    }

    private static void eventually(String what, BooleanSupplier holds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!holds.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void an_environment_restriction_holds_for_every_environment_method_on_the_other_node() throws Exception {
        ManageEnvironments envs = b.platform().environments();
        EnvName staging = new EnvName("staging");
        EnvName production = new EnvName("production");
        envs.create(as(ann), staging);
        envs.create(as(ann), production);
        ManageTokens.Issued token = generate("Extended Access", envNames("staging, shop-*"));
        Caller coworker = call(b, token, ApiCatalog.GET_ENV_INFO);

        assertThat(envs.info(coworker, staging)).isNotNull();
        assertThat(envs.stop(coworker, staging)).isNotNull();
        assertThat(envs.start(coworker, staging)).isNotNull();
        assertThat(envs.sleep(coworker, staging)).isNotNull();
        assertThat(envs.setDisplayName(coworker, staging, Optional.of("Staging"))).isNotNull();
        List<Runnable> outside = List.of(() -> envs.info(coworker, production), () -> envs.stop(coworker, production),
                () -> envs.start(coworker, production), () -> envs.sleep(coworker, production),
                () -> envs.setDisplayName(coworker, production, Optional.of("x")),
                () -> envs.delete(coworker, production, password()));
        for (Runnable method : outside) {
            assertThatThrownBy(method::run).isInstanceOf(EnvironmentNotFound.class);
        }
        assertThat(envs.list(coworker)).extracting(e -> e.name().value()).containsExactly("staging");

        envs.create(coworker, new EnvName("shop-eu"), EnvSettings.NONE);
        assertThatThrownBy(() -> envs.create(coworker, new EnvName("blog"), EnvSettings.NONE))
                .isInstanceOf(PermissionDenied.class);
        assertThat(envs.list(coworker)).extracting(e -> e.name().value()).containsExactly("shop-eu", "staging");
        envs.delete(coworker, staging, password());
        assertThat(envs.list(as(ann))).extracting(e -> e.name().value()).containsExactly("production", "shop-eu");
    }

    @Test
    void a_narrowing_edit_on_one_node_holds_on_the_other_from_its_next_calls() throws Exception {
        b.platform().environments().create(as(ann), new EnvName("staging"));
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        assertThat(b.platform().environments().list(call(b, token, ApiCatalog.GET_ENVS))).hasSize(1);

        a.platform().tokens().edit(new ManageTokens.Edit(as(ann), password(), token.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), envNames("production")));
        eventually("node B still lets the token see staging", () ->
                b.platform().environments().list(call(b, token, ApiCatalog.GET_ENVS)).isEmpty());
        assertThatThrownBy(() -> b.platform().environments().stop(call(b, token, ApiCatalog.STOP_ENV),
                new EnvName("staging"))).isInstanceOf(EnvironmentNotFound.class);
    }

    @Test
    void allowed_addresses_hold_on_every_node() {
        ManageTokens.Issued office = generate("IDE Plugins", PolicyRequest.parse(List.of(), List.of("10.0.0.0/8"),
                Optional.empty(), Optional.empty()));
        for (Node node : List.of(a, b)) {
            assertThat(call(node, office, ApiCatalog.GET_ENVS, ClientAddress.parse("10.9.8.7"))).isNotNull();
            assertThatThrownBy(() -> call(node, office, ApiCatalog.GET_ENVS, HERE))
                    .isInstanceOf(PermissionDenied.class).hasMessageContaining("allowedIps");
        }
    }

    @Test
    void a_rate_limit_is_shared_by_the_nodes() {
        ManageTokens.Issued slow = generate("IDE Plugins", PolicyRequest.parse(List.of(), List.of(),
                Optional.of("10"), Optional.empty()));
        for (int i = 0; i < 6; i++) {
            call(a, slow, ApiCatalog.GET_ENVS);
        }
        call(b, slow, ApiCatalog.GET_ENVS);
        // each node shares its counts every half second; here at once: A's six, then B's one and the total back
        a.database().shareCallCounts();
        b.database().shareCallCounts();
        int letInOnB = 1;
        try {
            for (int i = 0; i < 10; i++) {
                call(b, slow, ApiCatalog.GET_ENVS);
                letInOnB++;
            }
        } catch (RateLimited expected) {
            assertThat(expected.getMessage()).contains("at most 10 a minute");
        }
        assertThat(letInOnB).as("node B knows of node A's 6 calls").isEqualTo(4);
        b.database().shareCallCounts();
        a.database().shareCallCounts();
        assertThatThrownBy(() -> call(a, slow, ApiCatalog.GET_ENVS)).as("node A, once it has heard of B's calls")
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void a_use_on_one_node_keeps_the_token_alive_on_the_other() {
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.parse(List.of(), List.of(), Optional.empty(),
                Optional.of("1")));
        a.database().followTokenChanges();
        call(a, token, ApiCatalog.GET_ENVS);
        assertThat(a.database().tokenLookupsInDatabase()).as("node A now holds the token in its cache").isPositive();
        long lookups = a.database().tokenLookupsInDatabase();
        call(a, token, ApiCatalog.GET_ENVS);
        assertThat(a.database().tokenLookupsInDatabase()).isEqualTo(lookups);
        clock.advance(Duration.ofHours(23));
        call(b, token, ApiCatalog.GET_ENVS);
        b.database().flushUsage();
        clock.advance(Duration.ofHours(2));
        assertThat(call(a, token, ApiCatalog.GET_ENVS)).as("node A's cached copy is a day old; the store is not")
                .isNotNull();
        a.database().flushUsage();
        clock.advance(Duration.ofDays(1));
        for (Node node : List.of(a, b)) {
            assertThatThrownBy(() -> call(node, token, ApiCatalog.GET_ENVS)).isInstanceOf(NotAuthenticated.class)
                    .hasMessageContaining("idleDays");
        }
    }

    @Test
    void a_rotation_overlap_holds_on_every_node_and_ending_it_early_reaches_the_other() throws Exception {
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        assertThat(call(b, token, ApiCatalog.GET_ENVS)).isNotNull();
        ManageTokens.Issued renewed = a.platform().tokens().regenerate(new ManageTokens.Regenerate(as(ann),
                password(), token.id(), Optional.empty(), Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(29));
        for (Node node : List.of(a, b)) {
            assertThat(call(node, token, ApiCatalog.GET_ENVS)).isNotNull();
            assertThat(call(node, renewed, ApiCatalog.GET_ENVS)).isNotNull();
        }
        a.platform().tokens().endGracePeriod(new ManageTokens.EndGracePeriod(as(ann), password(), token.id()));
        eventually("node B still lets the old value in", () -> !b.lets(token.value().reveal()));
        assertThat(b.lets(renewed.value().reveal())).isTrue();
        assertThat(a.lets(token.value().reveal())).isFalse();
    }

    @Test
    void an_overlap_ends_on_time_on_every_node() {
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        a.platform().tokens().regenerate(new ManageTokens.Regenerate(as(ann), password(), token.id(),
                Optional.empty(), Duration.ofMinutes(10)));
        assertThat(b.lets(token.value().reveal())).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(a.lets(token.value().reveal())).isFalse();
        assertThat(b.lets(token.value().reveal())).isFalse();
    }
}
