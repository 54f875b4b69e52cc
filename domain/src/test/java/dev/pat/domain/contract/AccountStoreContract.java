package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.TotpSecret;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code AccountStore} must do. */
public abstract class AccountStoreContract extends StoreContract {

    @Test
    void an_added_account_gets_an_id_and_is_found_by_id_and_login() {
        Account ann = f.anAccount("ann@example.com");
        assertThat(ann.id()).isNotNull();
        assertThat(f.accounts().byId(ann.id())).get().usingRecursiveComparison().isEqualTo(ann);
        assertThat(f.accounts().byLogin(new Login("ANN@example.com"))).map(Account::id).contains(ann.id());
        assertThat(f.accounts().byLogin(new Login("bob@example.com"))).isEmpty();
        assertThat(f.accounts().byId(new AccountId(9999))).isEmpty();
    }

    @Test
    void a_two_factor_step_is_recorded_once_and_only_forward() {
        Account ann = f.anAccount("ann@example.com");
        assertThat(f.accounts().recordTotpStep(ann.id(), 100)).isTrue();
        assertThat(f.accounts().recordTotpStep(ann.id(), 100)).isFalse();
        assertThat(f.accounts().recordTotpStep(ann.id(), 99)).isFalse();
        assertThat(f.accounts().recordTotpStep(ann.id(), 101)).isTrue();
        assertThat(f.accounts().byId(ann.id()).orElseThrow().lastTotpStep()).isEqualTo(101);
        assertThat(f.accounts().recordTotpStep(new AccountId(9999), 200)).isFalse();
    }

    @Test
    void ids_differ_between_accounts() {
        assertThat(f.anAccount("a@example.com").id()).isNotEqualTo(f.anAccount("b@example.com").id());
        assertThat(f.accounts().all()).hasSize(2);
    }

    @Test
    void changes_keep_the_password_hash_and_the_two_factor_secret() {
        Account ann = f.anAccount("ann@example.com");
        f.accounts().changePasswordHash(ann.id(), new PasswordHash("v2:new"));
        f.accounts().changeTwoFactor(ann.id(), Optional.of(new TotpSecret("JBSWY3DPEHPK3PXP")), 59_000_000L);
        Account reread = f.accounts().byId(ann.id()).orElseThrow();
        assertThat(reread.passwordHash().encoded()).isEqualTo("v2:new");
        assertThat(reread.twoFactor()).contains(new TotpSecret("JBSWY3DPEHPK3PXP"));
        assertThat(reread.lastTotpStep()).isEqualTo(59_000_000L);
        f.accounts().changeTwoFactor(ann.id(), Optional.empty(), 0);
        assertThat(f.accounts().byId(ann.id()).orElseThrow().hasTwoFactor()).isFalse();
    }

    @Test
    void no_change_ever_moves_the_last_used_code_back() {
        Account ann = f.anAccount("ann@example.com");
        f.accounts().changeTwoFactor(ann.id(), Optional.of(new TotpSecret("JBSWY3DPEHPK3PXP")), 100);
        assertThat(f.accounts().recordTotpStep(ann.id(), 200)).isTrue();
        f.accounts().changePasswordHash(ann.id(), new PasswordHash("v3:rehashed"));
        assertThat(f.accounts().byId(ann.id()).orElseThrow().lastTotpStep()).isEqualTo(200);
        f.accounts().changeTwoFactor(ann.id(), Optional.of(new TotpSecret("KRSXG5CTMVRXEZLU")), 150);
        assertThat(f.accounts().byId(ann.id()).orElseThrow().lastTotpStep()).isEqualTo(200);
        assertThat(f.accounts().recordTotpStep(ann.id(), 200)).isFalse();
    }
}
