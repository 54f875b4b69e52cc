package dev.pat.domain.service;

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

import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final SignIn signIn = t.platform.signIn();
    private final Account ann = t.account("ann@example.com");
    private final Login annLogin = new Login("ann@example.com");

    @Test
    void signing_in_opens_a_session_whose_key_is_stored_only_as_a_digest() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password());
        assertThat(signedIn.pending()).isFalse();
        assertThat(signedIn.account().id()).isEqualTo(ann.id());
        assertThat(t.stores.sessions.byDigest(signedIn.key().digest())).isPresent();
        assertThat(signedIn.key().toString()).doesNotContain(signedIn.key().reveal());
    }

    @Test
    void a_wrong_password_or_unknown_login_fails_the_same_way() {
        assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("wrong wrong")))
                .isInstanceOf(SignInFailed.class).hasMessage("authentication failed: wrong login or password");
        assertThatThrownBy(() -> signIn.signIn(new Login("nobody@example.com"), password()))
                .isInstanceOf(SignInFailed.class).hasMessage("authentication failed: wrong login or password");
    }

    @Test
    void repeated_failures_lock_the_login_for_a_while() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn(annLogin, Password.given("wrong wrong")))
                    .isInstanceOf(SignInFailed.class);
        }
        assertThatThrownBy(() -> signIn.signIn(annLogin, password())).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void an_outdated_password_hash_is_upgraded_at_the_next_successful_sign_in() {
        t.hasher.upgradeTo(2);
        assertThat(t.stores.accounts.byId(ann.id()).orElseThrow().passwordHash().encoded()).startsWith("v1:");
        signIn.signIn(annLogin, password());
        assertThat(t.stores.accounts.byId(ann.id()).orElseThrow().passwordHash().encoded()).startsWith("v2:");
        signIn.signIn(annLogin, password());
    }

    @Test
    void with_two_factor_the_session_is_pending_until_the_code_is_verified() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        admin.enableTwoFactor(annLogin, enrolment.secret(), FakeSecondFactor.codeAt(t.clock.now()));
        t.clock.advance(Duration.ofSeconds(30));

        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password());
        Credential session = Credential.presented(signedIn.key().reveal());
        assertThat(signedIn.pending()).isTrue();
        assertThatThrownBy(() -> t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS))
                .isInstanceOf(TwoFactorFailed.class).hasMessageContaining("two-factor code required");
        assertThatThrownBy(() -> signIn.verifyTwoFactor(session, "000000")).isInstanceOf(TwoFactorFailed.class)
                .hasMessage("code: wrong two-factor code");

        signIn.verifyTwoFactor(session, FakeSecondFactor.codeAt(t.clock.now()));
        assertThat(t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS).account()).isEqualTo(ann.id());
    }

    @Test
    void a_two_factor_code_is_good_once() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        admin.enableTwoFactor(annLogin, enrolment.secret(), FakeSecondFactor.codeAt(t.clock.now()));
        Credential first = Credential.presented(signIn.signIn(annLogin, password()).key().reveal());
        assertThatThrownBy(() -> signIn.verifyTwoFactor(first, FakeSecondFactor.codeAt(t.clock.now())))
                .isInstanceOf(TwoFactorFailed.class).hasMessageContaining("already used");

        t.clock.advance(Duration.ofSeconds(30));
        String fresh = FakeSecondFactor.codeAt(t.clock.now());
        signIn.verifyTwoFactor(first, fresh);
        Credential second = Credential.presented(signIn.signIn(annLogin, password()).key().reveal());
        assertThatThrownBy(() -> signIn.verifyTwoFactor(second, fresh)).isInstanceOf(TwoFactorFailed.class)
                .hasMessageContaining("already used");
    }

    @Test
    void two_factor_is_not_turned_on_without_a_right_code() {
        AdministerAccounts admin = t.platform.administration();
        var enrolment = admin.beginTwoFactor(annLogin);
        assertThatThrownBy(() -> admin.enableTwoFactor(annLogin, enrolment.secret(), "999999"))
                .isInstanceOf(TwoFactorFailed.class);
        assertThat(signIn.signIn(annLogin, password()).pending()).isFalse();
    }

    @Test
    void signing_out_ends_the_session() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password());
        Credential session = Credential.presented(signedIn.key().reveal());
        signIn.signOut(session);
        assertThatThrownBy(() -> t.platform.authorize().authorize(session, ApiCatalog.GET_ENVS))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void changing_the_password_ends_every_session_of_the_account() {
        SignIn.SignedIn signedIn = signIn.signIn(annLogin, password());
        t.platform.administration().changePassword(annLogin, Password.chosen("a brand new passphrase"));
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(signedIn.key().reveal()),
                ApiCatalog.GET_ENVS)).isInstanceOf(NotAuthenticated.class);
        assertThat(signIn.signIn(annLogin, Password.given("a brand new passphrase")).pending()).isFalse();
    }
}
