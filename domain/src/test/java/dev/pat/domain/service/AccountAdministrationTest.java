package dev.pat.domain.service;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountAdministrationTest {
    private final TestPlatform t = new TestPlatform();

    @Test
    void an_account_is_created_once_per_login_with_a_hashed_password() {
        var ann = t.account("ann@example.com");
        assertThat(ann.passwordHash().encoded()).doesNotContain(TestPlatform.PASSWORD);
        assertThatThrownBy(() -> t.platform.administration().createAccount(new Login("ANN@example.com"),
                new DisplayName("Ann again"), Password.chosen("another long one")))
                .isInstanceOf(InvalidInput.class).hasMessage("login: ann@example.com already has an account");
        assertThat(t.platform.administration().accounts()).hasSize(1);
    }

    @Test
    void the_operator_sees_every_accounts_tokens_and_can_remove_any() {
        var ann = t.account("ann@example.com");
        var bob = t.account("bob@example.com");
        for (var who : new dev.pat.domain.model.account.Account[] {ann, bob}) {
            t.platform.tokens().generate(new ManageTokens.Generate(as(who.id()), password(), new Description("t"),
                    ScopeRequest.apiSet("Marketplace"), Expiry.parse("2027-01-01")));
        }
        var all = t.platform.administration().allTokens();
        assertThat(all).hasSize(2);
        assertThat(all.get(1).login()).isEqualTo("bob@example.com");
        t.platform.administration().removeToken(new TokenId(all.get(1).token().id()));
        assertThat(t.platform.tokens().list(bob.id(), Optional.empty())).isEmpty();
        assertThatThrownBy(() -> t.platform.administration().removeToken(new TokenId(50)))
                .isInstanceOf(TokenNotFound.class);
    }
}
