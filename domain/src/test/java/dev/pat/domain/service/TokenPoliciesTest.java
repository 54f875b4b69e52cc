package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated.Reason;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.PolicyRequest;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.TokenView;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each token policy, held on the hot path: environments, addresses, rate, idle days, overlap, warnings, self. */
class TokenPoliciesTest {
    private final TestPlatform t = new TestPlatform();
    private final ManageTokens tokens = t.platform.tokens();
    private final ManageEnvironments envs = t.platform.environments();
    private final Account ann = t.account("ann@example.com");
    private final Caller annSession = t.session(ann);

    private ManageTokens.Issued generate(String apiSet, PolicyRequest policies) {
        return tokens.generate(new ManageTokens.Generate(annSession, password(), new Description("shared"),
                ScopeRequest.apiSet(apiSet), Optional.of(Expiry.parse("2027-06-30")), policies));
    }

    private static PolicyRequest policies(String envNames, String allowedIps, String rateLimit, String idleDays) {
        return PolicyRequest.parse(envNames == null ? List.of() : List.of(envNames),
                allowedIps == null ? List.of() : List.of(allowedIps), Optional.ofNullable(rateLimit),
                Optional.ofNullable(idleDays));
    }

    private Caller call(ManageTokens.Issued token, ApiMethod method, ClientAddress from) {
        return t.platform.authorize().authorize(Credential.presented(token.value().reveal()), method, from);
    }

    private Caller call(ManageTokens.Issued token, ApiMethod method) {
        return call(token, method, HERE);
    }

    private Reason refusal(ManageTokens.Issued token) {
        try {
            call(token, ApiCatalog.GET_ENVS);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
        throw new AssertionError("was let in");
    }

    private TokenView listed(ManageTokens.Issued token) {
        return tokens.list(ann.id(), Optional.empty()).stream().filter(v -> v.id() == token.token().id())
                .findFirst().orElseThrow();
    }

    @Test
    void a_token_limited_to_staging_sees_and_stops_staging_only() {
        envs.create(annSession, new EnvName("staging"));
        envs.create(annSession, new EnvName("production"));
        ManageTokens.Issued shared = generate("IDE Plugins", policies("staging", null, null, null));

        Caller coworker = call(shared, ApiCatalog.STOP_ENV);
        envs.stop(coworker, new EnvName("staging"));
        assertThatThrownBy(() -> envs.stop(coworker, new EnvName("production")))
                .as("outside the restriction, an environment does not exist").isInstanceOf(EnvironmentNotFound.class);
        assertThatThrownBy(() -> envs.info(coworker, new EnvName("production")))
                .isInstanceOf(EnvironmentNotFound.class);
        assertThat(envs.list(coworker)).extracting(e -> e.name().value()).containsExactly("staging");
        assertThat(envs.list(annSession)).hasSize(2);
        assertThat(listed(shared).envNames()).containsExactly("staging");
    }

    @Test
    void a_pattern_covers_environments_created_later_and_creation_stays_inside_it() {
        ManageTokens.Issued shop = generate("Extended Access", policies("shop-*", null, null, null));
        Caller script = call(shop, ApiCatalog.CREATE_ENVIRONMENT);
        envs.create(script, new EnvName("shop-eu"));
        assertThatThrownBy(() -> envs.create(script, new EnvName("blog")))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("envNames");
        envs.create(annSession, new EnvName("shop-us"));
        assertThat(envs.list(script)).extracting(e -> e.name().value()).containsExactly("shop-eu", "shop-us");
        envs.delete(annSession, new EnvName("shop-eu"), password());
        envs.create(annSession, new EnvName("blog"));
        assertThat(envs.list(script)).as("removing an environment widens nothing")
                .extracting(e -> e.name().value()).containsExactly("shop-us");
    }

    @Test
    void a_narrowing_edit_holds_from_the_next_call() {
        envs.create(annSession, new EnvName("staging"));
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        envs.stop(call(token, ApiCatalog.STOP_ENV), new EnvName("staging"));
        tokens.edit(new ManageTokens.Edit(annSession, password(), new TokenId(token.token().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), policies("prod-*", null, null, null)));
        assertThatThrownBy(() -> envs.start(call(token, ApiCatalog.START_ENV), new EnvName("staging")))
                .isInstanceOf(EnvironmentNotFound.class);
        tokens.edit(new ManageTokens.Edit(annSession, password(), new TokenId(token.token().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), policies("*", null, null, null)));
        assertThat(envs.start(call(token, ApiCatalog.START_ENV), new EnvName("staging"))).isNotNull();
    }

    @Test
    void bad_environment_patterns_are_refused_by_name_before_the_password() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(annSession, Password.given("wrong"),
                new Description("x"), ScopeRequest.apiSet("IDE Plugins"), Optional.empty(),
                policies("*shop", null, null, null)))).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("envNames: ");
        assertThatThrownBy(() -> policies("shop_1", null, null, null)).hasMessageStartingWith("envNames: ");
    }

    @Test
    void a_token_works_only_from_its_allowed_addresses_and_the_refusal_never_shows_them() {
        ManageTokens.Issued office = generate("IDE Plugins", policies(null, "10.0.0.0/8, 2001:db8::/32", null, null));
        assertThat(call(office, ApiCatalog.GET_ENVS, ClientAddress.parse("10.1.2.3"))).isNotNull();
        assertThat(call(office, ApiCatalog.GET_ENVS, ClientAddress.parse("2001:db8::7"))).isNotNull();
        assertThatThrownBy(() -> call(office, ApiCatalog.GET_ENVS, HERE)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("allowedIps").hasMessageNotContaining("10.0.0.0");
        assertThat(listed(office).allowedIps()).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThatThrownBy(() -> policies(null, "10.0.0.0/33", null, null)).hasMessageStartingWith("allowedIps: ");
    }

    @Test
    void a_token_over_its_rate_limit_is_told_when_to_come_back() {
        ManageTokens.Issued slow = generate("IDE Plugins", policies(null, null, "2", null));
        call(slow, ApiCatalog.GET_ENVS);
        call(slow, ApiCatalog.GET_ENVS);
        assertThatThrownBy(() -> call(slow, ApiCatalog.GET_ENVS)).isInstanceOf(RateLimited.class)
                .hasMessageContaining("at most 2 a minute");
        t.clock.advance(Duration.ofMinutes(1));
        assertThat(call(slow, ApiCatalog.GET_ENVS)).isNotNull();
        assertThatThrownBy(() -> generate("IDE Plugins", policies(null, null, "6001", null)))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("rateLimit: ");
    }

    @Test
    void an_idle_token_stops_working_is_listed_so_and_an_edit_revives_it() {
        ManageTokens.Issued idle = generate("IDE Plugins", policies(null, null, null, "1"));
        t.clock.advance(Duration.ofHours(23));
        call(idle, ApiCatalog.GET_ENVS);
        t.clock.advance(Duration.ofHours(23));
        assertThat(call(idle, ApiCatalog.GET_ENVS)).as("used within the day, so still alive").isNotNull();
        t.clock.advance(Duration.ofDays(1));
        assertThat(refusal(idle)).isEqualTo(Reason.IDLE);
        assertThat(listed(idle).status()).isEqualTo(TokenView.IDLE_EXPIRED);

        tokens.edit(new ManageTokens.Edit(annSession, password(), new TokenId(idle.token().id()),
                Optional.of(new Description("revived")), Optional.empty(), Optional.empty()));
        assertThat(call(idle, ApiCatalog.GET_ENVS)).isNotNull();
        assertThat(listed(idle).status()).isEqualTo(TokenView.ACTIVE);
    }

    @Test
    void during_a_grace_period_both_values_work_then_only_the_new_one() {
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        t.clock.advance(Duration.ofMinutes(5));
        ManageTokens.Issued renewed = tokens.regenerate(new ManageTokens.Regenerate(annSession, password(),
                new TokenId(token.token().id()), Optional.empty(), Duration.ofMinutes(30)));
        t.clock.advance(Duration.ofMinutes(29));
        assertThat(call(token, ApiCatalog.GET_ENVS)).as("the old value, in the overlap").isNotNull();
        assertThat(call(renewed, ApiCatalog.GET_ENVS)).isNotNull();
        TokenView.Previous previous = listed(token).previousValue().orElseThrow();
        assertThat(previous.hint()).isEqualTo(token.token().hint());
        assertThat(previous.lastUsed()).contains(t.clock.now());
        assertThat(listed(token).hint()).isEqualTo(renewed.token().hint());

        t.clock.advance(Duration.ofMinutes(1));
        assertThat(refusal(token)).isEqualTo(Reason.REPLACED);
        assertThat(listed(token).previousValue()).isEmpty();
    }

    @Test
    void the_owner_can_end_the_overlap_early_and_without_a_grace_period_the_seed_holds() {
        ManageTokens.Issued token = generate("IDE Plugins", PolicyRequest.NONE);
        tokens.regenerate(new ManageTokens.Regenerate(annSession, password(), new TokenId(token.token().id()),
                Optional.empty(), Duration.ofHours(2)));
        assertThat(call(token, ApiCatalog.GET_ENVS)).isNotNull();
        tokens.endGracePeriod(new ManageTokens.EndGracePeriod(annSession, password(), new TokenId(token.token().id())));
        assertThat(refusal(token)).isEqualTo(Reason.REPLACED);
        assertThatThrownBy(() -> tokens.endGracePeriod(new ManageTokens.EndGracePeriod(annSession, password(),
                new TokenId(token.token().id())))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nothing to end");

        ManageTokens.Issued seed = generate("IDE Plugins", PolicyRequest.NONE);
        tokens.regenerate(new ManageTokens.Regenerate(annSession, password(), new TokenId(seed.token().id()),
                Optional.empty()));
        assertThat(refusal(seed)).as("the seed: the old value dies at once").isEqualTo(Reason.REPLACED);
        assertThatThrownBy(() -> new ManageTokens.Regenerate(annSession, password(), new TokenId(1), Optional.empty(),
                Duration.ofMinutes(24 * 60 + 1))).hasMessageStartingWith("gracePeriod: ");
    }

    @Test
    void tokens_expiring_within_the_warning_time_are_marked_and_their_callers_know_when() {
        ManageTokens.Issued soon = tokens.generate(new ManageTokens.Generate(annSession, password(),
                new Description("soon"), ScopeRequest.apiSet("IDE Plugins"), Expiry.parse("2026-12-02")));
        ManageTokens.Issued later = generate("IDE Plugins", PolicyRequest.NONE);
        assertThat(listed(soon).expiringSoon()).isTrue();
        assertThat(listed(later).expiringSoon()).isFalse();
        assertThat(tokens.expiringSoon(ann.id())).extracting(TokenView::id).containsExactly(soon.token().id());
        assertThat(call(soon, ApiCatalog.GET_ENVS).tokenExpiresAt())
                .contains(Instant.parse("2026-12-02T23:59:59Z"));
    }

    @Test
    void a_token_learns_about_itself_and_nothing_else() {
        ManageTokens.Issued mine = generate("IDE Plugins", policies("staging", null, "60", null));
        generate("Marketplace", PolicyRequest.NONE);
        Caller self = call(mine, ApiCatalog.GET_TOKEN_INFO);
        ManageTokens.TokenInfo info = tokens.info(self);
        assertThat(info.token().id()).isEqualTo(mine.token().id());
        assertThat(info.token().envNames()).containsExactly("staging");
        assertThat(info.token().rateLimit()).contains(60);
        assertThat(info.login()).isEqualTo("ann@example.com");
        assertThatThrownBy(() -> tokens.info(annSession)).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("session: ");
        assertThatThrownBy(() -> call(mine, ApiCatalog.GET_TOKENS)).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void a_refused_method_names_the_sets_that_include_it() {
        ManageTokens.Issued ide = generate("IDE Plugins", PolicyRequest.NONE);
        assertThatThrownBy(() -> call(ide, ApiCatalog.DELETE_ENV)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("does not cover environment.Control.DeleteEnv")
                .hasMessageContaining("the predefined set Extended Access includes it");
        assertThatThrownBy(() -> call(ide, ApiCatalog.CREATE_ENVIRONMENT))
                .hasMessageContaining("the predefined sets Extended Access, Marketplace, Maven Plugin include it");
    }
}
