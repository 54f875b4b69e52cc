package dev.pat.persistence;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.TokenView;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail on a real database with two nodes: rows as the core records them, use counted per minute. */
abstract class AuditOnTwoNodes {
    private final PinnedClock clock = new PinnedClock(Instant.parse("2026-11-27T10:00:30Z"));
    private Node a;
    private Node b;
    private AccountId ann;
    private AccountId bob;

    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void twoNodes() {
        String url = freshDatabaseUrl();
        a = Node.on(url, clock, 1);
        b = Node.on(url, clock, 2);
        ann = a.platform().administration().createAccount(new Login("ann@example.com"), new DisplayName("Ann"),
                Password.chosen(TestPlatform.PASSWORD)).id();
        bob = a.platform().administration().createAccount(new Login("bob@example.com"), new DisplayName("Bob"),
                Password.chosen(TestPlatform.PASSWORD)).id();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private ManageTokens.Issued generate(String apiSet) {
        return a.platform().tokens().generate(new ManageTokens.Generate(as(ann), password(), new Description("ci"),
                ScopeRequest.apiSet(apiSet), Expiry.parse("2027-06-30")));
    }

    private void call(Node node, ManageTokens.Issued token, ApiMethod method, ClientAddress from) {
        node.platform().authorize().authorize(Credential.presented(token.value().reveal()), method, from);
    }

    private List<AuditEvent> events(AccountId account, AuditKind kind) {
        return a.platform().audit().events(account, new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(kind), AuditQuery.MAX_LIMIT, 0));
    }

    @Test
    void each_change_is_one_row_committed_with_it_and_nothing_secret() {
        ManageTokens.Issued token = generate("IDE Plugins");
        b.platform().tokens().edit(new ManageTokens.Edit(as(ann), password(), token.id(),
                Optional.of(new Description("ci (main)")), Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> b.platform().tokens().edit(new ManageTokens.Edit(as(ann), Password.given("wrong"),
                token.id(), Optional.of(new Description("never")), Optional.empty(), Optional.empty())));
        a.platform().administration().removeToken(token.id());

        assertThat(events(ann, AuditKind.TOKEN_GENERATED)).singleElement()
                .satisfies(e -> assertThat(e.address()).isEqualTo(HERE));
        assertThat(events(ann, AuditKind.TOKEN_EDITED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("description: \"ci (main)\""));
        assertThat(events(ann, AuditKind.TOKEN_REMOVED_BY_OPERATOR)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.OPERATOR));
        assertThat(a.platform().audit().events(ann, AuditQuery.NEWEST).toString())
                .doesNotContain(token.value().reveal()).doesNotContain(TestPlatform.PASSWORD);
        assertThat(a.platform().audit().events(bob, AuditQuery.NEWEST)).isEmpty();
    }

    @Test
    void token_use_is_one_row_per_minute_and_key_whatever_the_number_of_calls() {
        ManageTokens.Issued token = generate("IDE Plugins");
        for (int i = 0; i < 40; i++) {
            call(i % 2 == 0 ? a : b, token, ApiCatalog.GET_ENVS, HERE);
        }
        assertThat(a.database().flushAudit() + b.database().flushAudit()).isEqualTo(2);
        List<AuditEvent> uses = events(ann, AuditKind.TOKEN_USE);
        assertThat(uses).hasSize(2).allMatch(e -> e.calls() == 20 && e.method().orElseThrow()
                .equals("environment.Control.GetEnvs") && e.actor().equals(Actor.token(token.id())));

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            call(a, token, ApiCatalog.GET_ENVS, ClientAddress.parse("203.0.113." + i));
        }
        a.database().flushAudit();
        TokenView listed = a.platform().tokens().list(ann, Optional.empty()).get(0);
        assertThat(listed.lastUsedIps()).hasSize(5).doesNotContain(HERE.value());
        assertThat(listed.usedMethods()).singleElement().satisfies(m -> assertThat(m.calls()).isEqualTo(45));
    }

    @Test
    void a_minute_is_written_once_it_is_over() {
        ManageTokens.Issued token = generate("IDE Plugins");
        call(a, token, ApiCatalog.GET_ENVS, HERE);
        JdbiAuditTrail trail = (JdbiAuditTrail) a.database().audit();
        assertThat(trail.flush(false)).as("the minute is not over").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(trail.flush(false)).isOne();
    }

    @Test
    void reading_filters_by_token_kind_and_time_and_pages_newest_first() {
        ManageTokens.Issued first = generate("IDE Plugins");
        clock.advance(Duration.ofMinutes(1));
        ManageTokens.Issued second = generate("Marketplace");
        var audit = a.platform().audit();
        assertThat(audit.events(ann, AuditQuery.NEWEST.ofTokens(Set.of(first.id())))).singleElement()
                .satisfies(e -> assertThat(e.token()).contains(first.id()));
        List<AuditEvent> page = audit.events(ann, new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(AuditKind.TOKEN_GENERATED), 1, 0));
        assertThat(page).singleElement().satisfies(e -> assertThat(e.token()).contains(second.id()));
        assertThat(audit.events(ann, new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(AuditKind.TOKEN_GENERATED), 1, 1))).singleElement()
                .satisfies(e -> assertThat(e.token()).contains(first.id()));
        assertThat(audit.events(ann, AuditQuery.NEWEST.since(clock.now()))).singleElement()
                .satisfies(e -> assertThat(e.token()).contains(second.id()));
    }

    @Test
    void a_leaked_value_reported_on_one_node_stops_on_the_other_at_once() throws Exception {
        ManageTokens.Issued token = generate("IDE Plugins");
        assertThat(b.lets(token.value().reveal())).isTrue();
        a.platform().leaks().report(List.of(token.value().reveal()), ClientAddress.parse("198.51.100.1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (b.lets(token.value().reveal())) {
            assertThat(System.nanoTime()).as("node B still lets a leaked value in").isLessThan(deadline);
            Thread.sleep(1);
        }
        assertThat(a.platform().tokens().list(ann, Optional.empty()).get(0).status())
                .isEqualTo(TokenView.REVOKED_FOR_LEAK);
        assertThat(events(ann, AuditKind.TOKEN_REVOKED_FOR_LEAK)).singleElement()
                .satisfies(e -> assertThat(e.address().value()).isEqualTo("198.51.100.1"));
    }

    @Test
    void events_older_than_the_retention_are_pruned() {
        ManageTokens.Issued old = generate("IDE Plugins");
        clock.advance(Duration.ofDays(401));
        a.platform().administration().removeToken(old.id());
        assertThat(a.database().pruneAudit()).as("the generation, 401 days ago").isOne();
        assertThat(events(ann, AuditKind.TOKEN_GENERATED)).isEmpty();
        assertThat(events(ann, AuditKind.TOKEN_REMOVED_BY_OPERATOR)).hasSize(1);
    }
}
