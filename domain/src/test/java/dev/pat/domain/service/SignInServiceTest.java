package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.testing.FakeSecondFactor;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final SignIn signIn = t.platform.signIn();
    private final Account ann = t.account("ann@example.com");
    private final Login annLogin = new Login("ann@example.com");
    private static final ClientAddress ELSEWHERE = ClientAddress.parse("198.51.100.7");

    @Test
    void signing_in_opens_a_session_whose_key_is_stored_only_as_a_digest() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password(), HERE);
        assertThat(signedIn.pending()).isFalse();
        assertThat(signedIn.account().id()).isEqualTo(ann.id());
        assertThat(t.stores.sessions.byDigest(signedIn.key().digest())).isPresent();
        assertThat(signedIn.key().toString()).doesNotContain(signedIn.key().reveal());
    }

    @Test
    void a_wrong_password_or_unknown_login_fails_the_same_way() {
        assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("wrong wrong"), HERE))
                .isInstanceOf(SignInFailed.class).hasMessage("authentication failed: wrong login or password");
        assertThatThrownBy(() -> signIn.signIn(new Login("nobody@example.com"), password(), HERE))
                .isInstanceOf(SignInFailed.class).hasMessage("authentication failed: wrong login or password");
    }

    @Test
    void repeated_failures_from_one_address_make_that_address_wait_longer_and_longer() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("wrong wrong"), ELSEWHERE))
                    .isInstanceOf(SignInFailed.class);
        }
        assertThatThrownBy(() -> signIn.signIn(annLogin, password(), ELSEWHERE)).isInstanceOf(TooManyAttempts.class)
                .hasMessage("too many failed attempts; retry after 1 seconds");
        t.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("wrong wrong"), ELSEWHERE))
                .isInstanceOf(SignInFailed.class);
        assertThatThrownBy(() -> signIn.signIn(annLogin, password(), ELSEWHERE)).isInstanceOf(TooManyAttempts.class)
                .hasMessage("too many failed attempts; retry after 2 seconds");
        t.clock.advance(Duration.ofSeconds(2));
        assertThat(signIn.signIn(annLogin, password(), ELSEWHERE).account().id()).isEqualTo(ann.id());
    }

    @Test
    void a_flood_of_wrong_passwords_from_one_address_does_not_stop_the_owner_signing_in_from_another() {
        signIn.signIn(annLogin, password(), HERE);
        for (int i = 0; i < 200; i++) {
            try {
                signIn.signIn(annLogin, Password.given("guess number " + i), ELSEWHERE);
            } catch (SignInFailed | TooManyAttempts refused) {
                t.clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThatThrownBy(() -> signIn.signIn(annLogin, password(), ELSEWHERE)).isInstanceOf(TooManyAttempts.class);
        assertThat(signIn.signIn(annLogin, password(), HERE).account().id()).isEqualTo(ann.id());
        assertThat(signIn.signIn(annLogin, password(), ClientAddress.parse("198.51.100.99")).account().id())
                .as("even from an address never used before").isEqualTo(ann.id());
    }

    @Test
    void guesses_from_many_addresses_slow_down_the_login_only_for_addresses_it_never_signed_in_from() {
        signIn.signIn(annLogin, password(), HERE);
        for (int i = 0; i < 60; i++) {
            ClientAddress bot = ClientAddress.parse("203.0.113." + (i + 1));
            assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("guess guess"), bot))
                    .isInstanceOfAny(SignInFailed.class, TooManyAttempts.class);
        }
        assertThatThrownBy(() -> signIn.signIn(annLogin, password(), ClientAddress.parse("203.0.113.200")))
                .isInstanceOf(TooManyAttempts.class);
        assertThat(signIn.signIn(annLogin, password(), HERE).account().id()).isEqualTo(ann.id());
    }

    @Test
    void parallel_guesses_are_counted_one_by_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            outcomes.add(pool.submit(() -> {
                try {
                    signIn.signIn(annLogin, Password.given("parallel guess"), ELSEWHERE);
                    return "in";
                } catch (SignInFailed e) {
                    return "checked";
                } catch (TooManyAttempts e) {
                    return "refused";
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("checked"::equals).hasSize(5);
        assertThat(results).filteredOn("refused"::equals).hasSize(59);
    }

    @Test
    void an_outdated_password_hash_is_upgraded_at_the_next_successful_sign_in() {
        t.hasher.upgradeTo(2);
        assertThat(t.stores.accounts.byId(ann.id()).orElseThrow().passwordHash().encoded()).startsWith("v1:");
        signIn.signIn(annLogin, password(), HERE);
        assertThat(t.stores.accounts.byId(ann.id()).orElseThrow().passwordHash().encoded()).startsWith("v2:");
        signIn.signIn(annLogin, password(), HERE);
    }

    @Test
    void with_two_factor_the_session_is_pending_until_the_code_is_verified() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        admin.enableTwoFactor(annLogin, enrolment.secret(), FakeSecondFactor.codeAt(t.clock.now()));
        t.clock.advance(Duration.ofSeconds(30));

        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password(), HERE);
        Credential session = Credential.presented(signedIn.key().reveal());
        assertThat(signedIn.pending()).isTrue();
        assertThatThrownBy(() -> t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS, HERE))
                .isInstanceOf(TwoFactorFailed.class).hasMessageContaining("two-factor code required");
        assertThatThrownBy(() -> signIn.verifyTwoFactor(session, "000000", HERE)).isInstanceOf(TwoFactorFailed.class)
                .hasMessage("code: wrong two-factor code");

        signIn.verifyTwoFactor(session, FakeSecondFactor.codeAt(t.clock.now()), HERE);
        assertThat(t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS, HERE).account()).isEqualTo(ann.id());
    }

    @Test
    void a_two_factor_code_is_good_once() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        admin.enableTwoFactor(annLogin, enrolment.secret(), FakeSecondFactor.codeAt(t.clock.now()));
        Credential first = Credential.presented(signIn.signIn(annLogin, password(), HERE).key().reveal());
        assertThatThrownBy(() -> signIn.verifyTwoFactor(first, FakeSecondFactor.codeAt(t.clock.now()), HERE))
                .isInstanceOf(TwoFactorFailed.class).hasMessageContaining("already used");

        t.clock.advance(Duration.ofSeconds(30));
        String fresh = FakeSecondFactor.codeAt(t.clock.now());
        signIn.verifyTwoFactor(first, fresh, HERE);
        Credential second = Credential.presented(signIn.signIn(annLogin, password(), HERE).key().reveal());
        assertThatThrownBy(() -> signIn.verifyTwoFactor(second, fresh, HERE)).isInstanceOf(TwoFactorFailed.class)
                .hasMessageContaining("already used");
    }

    @Test
    void two_factor_is_not_turned_on_without_a_right_code() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        assertThatThrownBy(() -> admin.enableTwoFactor(annLogin, enrolment.secret(), "999999"))
                .isInstanceOf(TwoFactorFailed.class);
        assertThat(signIn.signIn(annLogin, password(), HERE).pending()).isFalse();
    }

    @Test
    void signing_out_ends_the_session() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password(), HERE);
        Credential session = Credential.presented(signedIn.key().reveal());
        signIn.signOut(session, HERE);
        assertThatThrownBy(() -> t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS, HERE))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void changing_the_password_ends_every_session_of_the_account() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password(), HERE);
        t.platform.administration().changePassword(annLogin, Password.chosen("a brand new passphrase"));
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(signedIn.key().reveal()),
                ApiCatalog.GET_ENVS, HERE)).isInstanceOf(NotAuthenticated.class);
        assertThat(signIn.signIn(annLogin, Password.given("a brand new passphrase"), HERE).pending()).isFalse();
    }
}
