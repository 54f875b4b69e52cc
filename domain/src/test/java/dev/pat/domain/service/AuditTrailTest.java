package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.in.TokenView;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every action leaves exactly one row of the audit trail, with who did it and from where; use is counted. */
class AuditTrailTest {
    private final TestPlatform t = new TestPlatform();
    private final ManageTokens tokens = t.platform.tokens();
    private final Account ann = t.account("ann@example.com");
    private final Account bob = t.account("bob@example.com");
    private final Caller annSession = t.session(ann);

    private ManageTokens.Issued generate(String description, String apiSet) {
        return tokens.generate(new ManageTokens.Generate(annSession, password(), new Description(description),
                ScopeRequest.apiSet(apiSet), Expiry.parse("2027-06-30")));
    }

    private List<AuditEvent> annEvents() {
        return t.platform.audit().events(ann.id(), AuditQuery.NEWEST);
    }

    private AuditEvent only(AuditKind kind) {
        List<AuditEvent> found = annEvents().stream().filter(e -> e.kind() == kind).toList();
        assertThat(found).as(kind.code()).hasSize(1);
        return found.get(0);
    }

    private Caller call(ManageTokens.Issued token, ClientAddress from) {
        return t.platform.authorize().authorize(Credential.presented(token.value().reveal()), ApiCatalog.GET_ENVS,
                from);
    }

    @Test
    void every_token_change_writes_one_row_with_its_actor_and_address() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        tokens.edit(new ManageTokens.Edit(annSession, password(), token.id(), Optional.of(new Description("ci")),
                Optional.of(ScopeRequest.apiSet("Marketplace")), Optional.empty()));
        tokens.regenerate(new ManageTokens.Regenerate(annSession, password(), token.id(), Optional.empty(),
                Duration.ofMinutes(5)));
        tokens.endGracePeriod(new ManageTokens.EndGracePeriod(annSession, password(), token.id()));
        ManageTokens.Issued copy = tokens.copy(new ManageTokens.Copy(annSession, password(), token.id(),
                Optional.empty(), Optional.empty()));
        tokens.remove(new ManageTokens.Remove(annSession, password(), Set.of(token.id(), copy.id())));

        for (AuditKind kind : List.of(AuditKind.TOKEN_GENERATED, AuditKind.TOKEN_EDITED, AuditKind.TOKEN_REGENERATED,
                AuditKind.TOKEN_OVERLAP_ENDED, AuditKind.TOKEN_COPIED)) {
            AuditEvent event = only(kind);
            assertThat(event.actor()).isEqualTo(Actor.SESSION);
            assertThat(event.address()).isEqualTo(HERE);
            assertThat(event.result()).isEqualTo(AuditEvent.OK);
        }
        assertThat(only(AuditKind.TOKEN_EDITED).detail()).contains("description: \"ci\"").contains("marketplace");
        assertThat(annEvents().stream().filter(e -> e.kind() == AuditKind.TOKEN_REMOVED).map(e -> e.token()
                .orElseThrow())).as("one row per token removed").containsExactlyInAnyOrder(token.id(), copy.id());
        assertThat(annEvents().toString()).doesNotContain(token.value().reveal()).doesNotContain(TestPlatform.PASSWORD);
    }

    @Test
    void a_refused_change_writes_nothing() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(annSession, Password.given("wrong"),
                new Description("x"), ScopeRequest.apiSet("IDE Plugins"), Expiry.parse("2027-06-30"))));
        assertThat(annEvents()).noneMatch(e -> e.kind() == AuditKind.TOKEN_GENERATED);
    }

    @Test
    void sign_ins_are_recorded_ok_failed_and_locked_and_sign_outs_too() {
        SignIn signIn = t.platform.signIn();
        ClientAddress there = ClientAddress.parse("198.51.100.9");
        SignIn.SignedIn signedIn = signIn.signIn(new Login("ann@example.com"), password(), there);
        assertThatThrownBy(() -> signIn.signIn(new Login("ann@example.com"), Password.given("wrong"), there))
                .isInstanceOf(SignInFailed.class);
        signIn.signOut(Credential.presented(signedIn.key().reveal()), there);
        List<AuditEvent> signIns = annEvents().stream().filter(e -> e.kind() == AuditKind.SIGNIN).toList();
        assertThat(signIns).extracting(AuditEvent::result).containsExactly("failed", AuditEvent.OK);
        assertThat(signIns).allMatch(e -> e.address().equals(there));
        assertThat(only(AuditKind.SIGNOUT).address()).isEqualTo(there);

        for (int i = 0; i < 20; i++) {
            try {
                signIn.signIn(new Login("ann@example.com"), Password.given("guess " + i), there);
            } catch (RuntimeException refused) {
                // counted below
            }
        }
        assertThat(t.platform.audit().events(ann.id(), AuditQuery.NEWEST)).anyMatch(e -> e.kind() == AuditKind.SIGNIN
                && e.result().equals("locked"));
    }

    @Test
    void operator_actions_are_recorded_as_the_operators() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        t.platform.administration().changePassword(new Login("ann@example.com"), Password.chosen("a new password!"));
        t.platform.administration().removeToken(token.id());
        assertThat(only(AuditKind.PASSWORD).actor()).isEqualTo(Actor.OPERATOR);
        assertThat(only(AuditKind.TOKEN_REMOVED_BY_OPERATOR).token()).contains(token.id());
        assertThat(only(AuditKind.TOKEN_REMOVED_BY_OPERATOR).address()).isEqualTo(ClientAddress.LOCAL);
    }

    @Test
    void token_use_is_counted_per_minute_not_written_per_call() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        for (int i = 0; i < 25; i++) {
            call(token, HERE);
        }
        call(token, ClientAddress.parse("203.0.113.5"));
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(token.value().reveal()),
                ApiCatalog.DELETE_ENV, HERE));
        List<AuditEvent> uses = annEvents().stream().filter(e -> e.kind() == AuditKind.TOKEN_USE).toList();
        assertThat(uses).hasSize(3);
        assertThat(uses).filteredOn(e -> e.address().equals(HERE) && e.result().equals(AuditEvent.OK))
                .singleElement().satisfies(e -> {
                    assertThat(e.calls()).isEqualTo(25);
                    assertThat(e.actor()).isEqualTo(Actor.token(token.id()));
                    assertThat(e.method()).contains("environment.Control.GetEnvs");
                });
        assertThat(uses).filteredOn(e -> e.result().equals("denied")).singleElement()
                .satisfies(e -> assertThat(e.method()).contains("environment.Control.DeleteEnv"));

        TokenView listed = tokens.list(ann.id(), Optional.empty()).get(0);
        assertThat(listed.lastUsedIps()).containsExactly("192.0.2.10", "203.0.113.5");
        assertThat(listed.usedMethods()).singleElement().satisfies(m -> {
            assertThat(m.method()).isEqualTo("environment.Control.GetEnvs");
            assertThat(m.calls()).isEqualTo(26);
        });
    }

    @Test
    void another_accounts_events_never_appear() {
        ManageTokens.Issued annsToken = generate("deploy", "IDE Plugins");
        call(annsToken, HERE);
        assertThat(t.platform.audit().events(bob.id(), AuditQuery.NEWEST)).isEmpty();
        assertThat(t.platform.audit().events(bob.id(), AuditQuery.NEWEST.ofTokens(Set.of(annsToken.id()))))
                .isEmpty();
    }

    @Test
    void narrowing_keeps_exactly_the_methods_used() {
        ManageTokens.Issued token = generate("deploy", "Extended Access");
        t.platform.authorize().authorize(Credential.presented(token.value().reveal()), ApiCatalog.STOP_ENV, HERE);
        call(token, HERE);
        Set<String> used = tokens.methodsUsed(ann.id(), token.id(), Duration.ofDays(30));
        assertThat(used).containsExactlyInAnyOrder("environment.Control.GetEnvs", "environment.Control.StopEnv");
        tokens.edit(new ManageTokens.Edit(annSession, password(), token.id(), Optional.empty(),
                Optional.of(ScopeRequest.custom(List.copyOf(used))), Optional.empty()));
        assertThat(tokens.list(ann.id(), Optional.empty()).get(0).methodNames())
                .containsExactlyInAnyOrderElementsOf(used);
        assertThatThrownBy(() -> tokens.methodsUsed(bob.id(), token.id(), Duration.ofDays(30)))
                .as("another account's token does not exist");
    }

    @Test
    void a_leaked_value_is_revoked_by_the_value_alone_and_the_answer_never_tells() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        ClientAddress scanner = ClientAddress.parse("198.51.100.77");
        t.platform.leaks().report(List.of("pat_not-even-a-token", "pat_0123456789abcdefghijABCDEFGHIJ0123456789zzzzzz",
                token.value().reveal()), scanner);
        assertThatThrownBy(() -> call(token, HERE)).isInstanceOf(NotAuthenticated.class)
                .hasMessageContaining("leaked");
        TokenView listed = tokens.list(ann.id(), Optional.empty()).get(0);
        assertThat(listed.status()).isEqualTo(TokenView.REVOKED_FOR_LEAK);
        AuditEvent revoked = only(AuditKind.TOKEN_REVOKED_FOR_LEAK);
        assertThat(revoked.actor()).isEqualTo(Actor.ANONYMOUS);
        assertThat(revoked.address()).isEqualTo(scanner);

        ManageTokens.Issued renewed = tokens.regenerate(new ManageTokens.Regenerate(annSession, password(),
                token.id(), Optional.empty()));
        assertThat(call(renewed, HERE)).as("regenerated, it works again").isNotNull();
        assertThat(tokens.list(ann.id(), Optional.empty()).get(0).status()).isEqualTo(TokenView.ACTIVE);
    }

    @Test
    void an_old_value_in_its_overlap_can_be_revoked_too() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        ManageTokens.Issued renewed = tokens.regenerate(new ManageTokens.Regenerate(annSession, password(),
                token.id(), Optional.empty(), Duration.ofHours(1)));
        t.platform.leaks().report(List.of(token.value().reveal()), HERE);
        assertThatThrownBy(() -> call(token, HERE)).isInstanceOf(NotAuthenticated.class);
        assertThat(call(renewed, HERE)).isNotNull();
    }

    @Test
    void leak_reports_are_rate_limited_per_address() {
        ClientAddress flood = ClientAddress.parse("198.51.100.200");
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                t.platform.leaks().report(List.of("pat_x"), flood);
            }
        }).isInstanceOf(RateLimited.class);
    }

    @Test
    void the_operator_revokes_values_read_from_a_report_and_learns_how_many_were_live() {
        ManageTokens.Issued token = generate("deploy", "IDE Plugins");
        assertThat(t.platform.administration().revokeLeaked(List.of(token.value().reveal(), "garbage"))).isOne();
        assertThat(only(AuditKind.TOKEN_REVOKED_FOR_LEAK).actor()).isEqualTo(Actor.OPERATOR);
        assertThat(t.platform.administration().revokeLeaked(List.of(token.value().reveal()))).isZero();
    }

    @Test
    void a_query_is_read_as_typed_and_refused_by_field() {
        AuditQuery query = AuditQuery.parse(List.of("3,4"), Optional.of("2026-11-01"), Optional.of("30-11-2026"),
                Optional.of("token-use"), Optional.of("10"), Optional.of("20"));
        assertThat(query.tokens()).contains(Set.of(new TokenId(3), new TokenId(4)));
        assertThat(query.from()).contains(java.time.Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.to()).as("through the whole day").contains(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.kind()).contains(AuditKind.TOKEN_USE);
        assertThat(AuditQuery.parse(List.of(), Optional.of("7d"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).at(t.clock.now()).from()).contains(t.clock.now().minus(
                Duration.ofDays(7)));
        assertThatThrownBy(() -> AuditQuery.parse(List.of(), Optional.of("last week"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())).hasMessageStartingWith("from: ");
        assertThatThrownBy(() -> AuditQuery.parse(List.of(), Optional.empty(), Optional.empty(), Optional.of("x"),
                Optional.empty(), Optional.empty())).hasMessageStartingWith("kind: ").hasMessageContaining("token-use");
        assertThatThrownBy(() -> AuditQuery.parse(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("5000"), Optional.empty())).hasMessageStartingWith("limit: ");
    }
}
