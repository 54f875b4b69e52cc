package dev.pat.domain.service;

import dev.pat.domain.model.NotAuthenticated.Reason;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final AuthorizeCall authorize = t.platform.authorize();
    private final Account ann = t.account("ann@example.com");
    private final ManageTokens.Issued ide = t.platform.tokens().generate(new ManageTokens.Generate(as(ann.id()),
            password(), new Description("IDE"), ScopeRequest.apiSet("IDE Plugins"), Expiry.parse("2026-12-31")));

    private Reason refusal(String presented) {
        try {
            authorize.authorize(Credential.presented(presented), ApiCatalog.STOP_ENV, HERE);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
        throw new AssertionError("was let in");
    }

    @Test
    void a_token_opens_the_methods_of_its_set_for_its_account() {
        Caller caller = authorize.authorize(Credential.presented(ide.value().reveal()), ApiCatalog.STOP_ENV, HERE);
        assertThat(caller.account()).isEqualTo(ann.id());
        assertThat(caller.token()).contains(new TokenId(ide.token().id()));
    }

    @Test
    void a_token_is_denied_a_method_outside_its_set() {
        assertThatThrownBy(() -> authorize.authorize(Credential.presented(ide.value().reveal()),
                ApiCatalog.DELETE_ENV, HERE)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("does not cover environment.Control.DeleteEnv");
    }

    @Test
    void a_token_can_never_manage_tokens_or_sessions() {
        for (var method : new dev.pat.domain.model.catalog.ApiMethod[] {ApiCatalog.CREATE_TOKEN, ApiCatalog.GET_TOKENS,
                ApiCatalog.DELETE_TOKENS, ApiCatalog.SIGNOUT}) {
            assertThatThrownBy(() -> authorize.authorize(Credential.presented(ide.value().reveal()), method, HERE))
                    .isInstanceOf(PermissionDenied.class).hasMessageContaining("cannot be called with a token");
        }
    }

    @Test
    void a_token_works_until_the_end_of_its_expiry_day_and_not_after() {
        t.clock.set(java.time.Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(authorize.authorize(Credential.presented(ide.value().reveal()), ApiCatalog.GET_ENVS, HERE))
                .isNotNull();
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(refusal(ide.value().reveal())).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void each_refusal_says_why() {
        assertThat(refusal("")).isEqualTo(Reason.MISSING);
        assertThat(refusal(null)).isEqualTo(Reason.MISSING);
        String typo = ide.value().reveal().substring(0, 12) + "!" + ide.value().reveal().substring(13);
        assertThat(refusal(typo)).isEqualTo(Reason.MALFORMED);
        assertThat(refusal(TokenValue.generate(new SeededRandomness(99)).reveal())).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal("not-a-session")).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void a_malformed_value_is_refused_without_any_lookup() {
        int lookupsBefore = t.hasher.verifications.get();
        assertThat(refusal("pat_" + "x".repeat(46))).isEqualTo(Reason.MALFORMED);
        assertThat(t.hasher.verifications.get()).isEqualTo(lookupsBefore);
    }

    @Test
    void using_a_token_notes_when_it_was_last_used_without_a_password_hash() {
        int hashesBefore = t.hasher.verifications.get();
        authorize.authorize(Credential.presented(ide.value().reveal()), ApiCatalog.GET_ENVS, HERE);
        assertThat(t.hasher.verifications.get()).isEqualTo(hashesBefore);
        assertThat(t.platform.tokens().list(ann.id(), Optional.empty()).get(0).lastUsed()).contains(t.clock.now());
    }

    @Test
    void a_session_works_for_everything_until_it_ends() {
        var signedIn = t.platform.signIn().signIn(new Login("ann@example.com"), password(), HERE);
        Credential session = Credential.presented(signedIn.key().reveal());
        assertThat(authorize.authorize(session, ApiCatalog.DELETE_ENV, HERE).viaToken()).isFalse();
        assertThat(authorize.authorize(session, ApiCatalog.CREATE_TOKEN, HERE).account()).isEqualTo(ann.id());

        t.clock.advance(Duration.ofHours(3));
        assertThatThrownBy(() -> authorize.authorize(session, ApiCatalog.GET_ENVS, HERE))
                .isInstanceOf(NotAuthenticated.class).hasMessageContaining("session has ended");
    }

    @Test
    void a_session_in_use_still_ends_at_its_absolute_lifetime() {
        var signedIn = t.platform.signIn().signIn(new Login("ann@example.com"), password(), HERE);
        Credential session = Credential.presented(signedIn.key().reveal());
        for (int hour = 0; hour < 24; hour++) {
            authorize.authorize(session, ApiCatalog.GET_ENVS, HERE);
            t.clock.advance(Duration.ofHours(1));
        }
        t.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> authorize.authorize(session, ApiCatalog.GET_ENVS, HERE))
                .isInstanceOf(NotAuthenticated.class);
    }
}
