package dev.pat.domain.service;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.TokenLimitReached;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.IssuedToken;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final ManageTokens tokens = t.platform.tokens();
    private final Account ann = t.account("ann@example.com");
    private final Account bob = t.account("bob@example.com");
    private static final Expiry NEXT_YEAR = Expiry.parse("31-12-2027");

    private IssuedToken generate(Account who, String description) {
        return tokens.generate(new ManageTokens.Generate(who.id(), password(), new Description(description),
                ScopeRequest.apiSet("IDE Plugins"), NEXT_YEAR));
    }

    private void assertNothingChangedFor(Account who, List<AccessToken> before) {
        assertThat(tokens.list(who.id(), Optional.empty())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(before);
    }

    @Test
    void generating_gives_the_value_once_and_stores_only_its_digest() {
        IssuedToken issued = generate(ann, "deploy from CI");

        AccessToken stored = tokens.list(ann.id(), Optional.empty()).get(0);
        assertThat(stored.id()).isEqualTo(issued.token().id());
        assertThat(stored.digest()).isEqualTo(issued.value().digest());
        assertThat(stored.description().value()).isEqualTo("deploy from CI");
        assertThat(stored.scope().apiSetId()).contains("ide-plugins");
        assertThat(stored.scope().methods()).containsExactlyElementsOf(ApiCatalog.IDE_PLUGINS.methods());
        assertThat(stored.expiry()).isEqualTo(NEXT_YEAR);
        assertThat(stored.createdOn()).isEqualTo(t.clock.now());
        assertThat(stored.lastUsed()).isEmpty();
        assertThat(stored.status(t.clock.now())).isEqualTo(AccessToken.Status.ACTIVE);
        assertThat(stored.toString()).doesNotContain(issued.value().reveal());
    }

    @Test
    void several_tokens_can_be_generated_for_different_tasks() {
        generate(ann, "CI");
        generate(ann, "IDE");
        generate(ann, "monitoring");
        assertThat(tokens.list(ann.id(), Optional.empty())).extracting(tk -> tk.description().value())
                .containsExactly("CI", "IDE", "monitoring");
    }

    @Test
    void a_custom_token_holds_the_chosen_methods() {
        IssuedToken issued = tokens.generate(new ManageTokens.Generate(ann.id(), password(),
                new Description("stopper"), ScopeRequest.custom(List.of("environment.Control.StopEnv")), NEXT_YEAR));
        assertThat(issued.token().scope().isCustom()).isTrue();
        assertThat(issued.token().scope().methods()).containsExactly(ApiCatalog.STOP_ENV);
    }

    @Test
    void a_wrong_password_applies_nothing() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(ann.id(), Password.given("wrong one"),
                new Description("x"), ScopeRequest.apiSet("Marketplace"), NEXT_YEAR)))
                .isInstanceOf(PasswordConfirmationFailed.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
    }

    @Test
    void an_expiry_in_the_past_is_refused() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(ann.id(), password(),
                new Description("x"), ScopeRequest.apiSet("Marketplace"), Expiry.parse("26-11-2026"))))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("expiresAt: ");
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
    }

    @Test
    void an_unknown_method_is_refused_before_the_password_is_even_checked() {
        int before = t.hasher.verifications.get();
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(ann.id(), password(),
                new Description("x"), ScopeRequest.custom(List.of("environment.Control.Explode")), NEXT_YEAR)))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("apiList: unknown API method");
        assertThat(t.hasher.verifications.get()).isEqualTo(before);
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
    }

    @Test
    void the_101st_token_is_refused() {
        for (int i = 0; i < ManageTokens.LIMIT_PER_ACCOUNT; i++) {
            generate(ann, "token " + i);
        }
        assertThatThrownBy(() -> generate(ann, "one too many")).isInstanceOf(TokenLimitReached.class)
                .hasMessageContaining("at most 100 tokens");
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(100);
        assertThat(generate(bob, "bob has his own allowance").token().id()).isNotNull();
    }

    @Test
    void editing_changes_only_what_is_given() {
        IssuedToken issued = generate(ann, "old");
        AccessToken edited = tokens.edit(new ManageTokens.Edit(ann.id(), password(), issued.token().id(),
                Optional.of(new Description("new")), Optional.empty(), Optional.empty()));
        assertThat(edited.description().value()).isEqualTo("new");
        assertThat(edited.scope()).isEqualTo(issued.token().scope());
        assertThat(edited.expiry()).isEqualTo(NEXT_YEAR);
        assertThat(edited.digest()).isEqualTo(issued.value().digest());
    }

    @Test
    void editing_to_a_custom_list_replaces_the_set() {
        IssuedToken issued = generate(ann, "t");
        AccessToken edited = tokens.edit(new ManageTokens.Edit(ann.id(), password(), issued.token().id(),
                Optional.empty(), Optional.of(ScopeRequest.custom(List.of("environment.Control.GetEnvs"))),
                Optional.empty()));
        assertThat(edited.scope().isCustom()).isTrue();
        assertThat(edited.scope().methods()).containsExactly(ApiCatalog.GET_ENVS);
    }

    @Test
    void editing_with_a_wrong_password_or_bad_input_leaves_the_token_as_it_was() {
        IssuedToken issued = generate(ann, "keep me");
        List<AccessToken> before = tokens.list(ann.id(), Optional.empty());
        assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(ann.id(), Password.given("nope nope"),
                issued.token().id(), Optional.of(new Description("changed")), Optional.empty(), Optional.empty())))
                .isInstanceOf(PasswordConfirmationFailed.class);
        assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(ann.id(), password(), issued.token().id(),
                Optional.of(new Description("changed")), Optional.of(ScopeRequest.custom(List.of())), Optional.empty())))
                .isInstanceOf(InvalidInput.class);
        assertNothingChangedFor(ann, before);
    }

    @Test
    void an_edit_with_nothing_to_change_is_refused() {
        assertThatThrownBy(() -> new ManageTokens.Edit(ann.id(), password(), new TokenId(1), Optional.empty(),
                Optional.empty(), Optional.empty())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nothing to change");
    }

    @Test
    void regenerating_makes_the_old_value_fail_and_keeps_every_other_setting() {
        IssuedToken first = generate(ann, "ci");
        IssuedToken second = tokens.regenerate(new ManageTokens.Regenerate(ann.id(), password(),
                first.token().id(), Optional.empty()));

        assertThat(second.value().reveal()).isNotEqualTo(first.value().reveal());
        assertThat(second.token().id()).isEqualTo(first.token().id());
        assertThat(second.token().description()).isEqualTo(first.token().description());
        assertThat(second.token().scope()).isEqualTo(first.token().scope());
        assertThat(second.token().expiry()).isEqualTo(first.token().expiry());
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(first.value().reveal()),
                ApiCatalog.STOP_ENV)).isInstanceOf(NotAuthenticated.class)
                .extracting(e -> ((NotAuthenticated) e).reason()).isEqualTo(NotAuthenticated.Reason.REPLACED);
        assertThat(t.platform.authorize().authorize(Credential.presented(second.value().reveal()),
                ApiCatalog.STOP_ENV).account()).isEqualTo(ann.id());
    }

    @Test
    void an_expired_token_can_be_regenerated_back_to_life_with_a_new_expiry() {
        IssuedToken first = generate(ann, "ci");
        t.clock.set(Instant.parse("2028-06-01T00:00:00Z"));
        assertThat(tokens.list(ann.id(), Optional.empty()).get(0).status(t.clock.now()))
                .isEqualTo(AccessToken.Status.EXPIRED);

        assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(ann.id(), password(),
                first.token().id(), Optional.empty()))).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("expiresAt: the token expired at 2027-12-31 23:59:59 UTC");

        IssuedToken revived = tokens.regenerate(new ManageTokens.Regenerate(ann.id(), password(),
                first.token().id(), Optional.of(Expiry.parse("31-12-2028"))));
        assertThat(revived.token().status(t.clock.now())).isEqualTo(AccessToken.Status.ACTIVE);
    }

    @Test
    void regenerating_a_removed_token_is_token_not_found() {
        IssuedToken issued = generate(ann, "gone");
        tokens.remove(new ManageTokens.Remove(ann.id(), password(), Set.of(issued.token().id())));
        assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(ann.id(), password(),
                issued.token().id(), Optional.empty()))).isInstanceOf(TokenNotFound.class);
    }

    @Test
    void copying_makes_a_new_token_with_the_same_set_methods_and_expiry() {
        IssuedToken original = generate(ann, "ci");
        IssuedToken copy = tokens.copy(new ManageTokens.Copy(ann.id(), password(), original.token().id(),
                Optional.empty(), Optional.empty()));
        assertThat(copy.token().id()).isNotEqualTo(original.token().id());
        assertThat(copy.value().reveal()).isNotEqualTo(original.value().reveal());
        assertThat(copy.token().description().value()).isEqualTo("Copy of ci");
        assertThat(copy.token().scope()).isEqualTo(original.token().scope());
        assertThat(copy.token().expiry()).isEqualTo(original.token().expiry());
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(2);
    }

    @Test
    void copying_counts_against_the_limit() {
        IssuedToken original = generate(ann, "token 0");
        for (int i = 1; i < ManageTokens.LIMIT_PER_ACCOUNT; i++) {
            generate(ann, "token " + i);
        }
        assertThatThrownBy(() -> tokens.copy(new ManageTokens.Copy(ann.id(), password(), original.token().id(),
                Optional.empty(), Optional.empty()))).isInstanceOf(TokenLimitReached.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(100);
    }

    @Test
    void removing_several_at_once_removes_all_of_them() {
        IssuedToken a = generate(ann, "a");
        IssuedToken b = generate(ann, "b");
        IssuedToken c = generate(ann, "c");
        tokens.remove(new ManageTokens.Remove(ann.id(), password(), Set.of(a.token().id(), c.token().id())));
        assertThat(tokens.list(ann.id(), Optional.empty())).extracting(AccessToken::id)
                .containsExactly(b.token().id());
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(a.value().reveal()),
                ApiCatalog.GET_ENVS)).isInstanceOf(NotAuthenticated.class).hasMessageContaining("removed");
    }

    @Test
    void removing_with_one_unknown_id_removes_none() {
        IssuedToken a = generate(ann, "a");
        List<AccessToken> before = tokens.list(ann.id(), Optional.empty());
        assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(ann.id(), password(),
                Set.of(a.token().id(), new TokenId(999))))).isInstanceOf(TokenNotFound.class);
        assertNothingChangedFor(ann, before);
    }

    @Test
    void removing_with_a_wrong_password_removes_nothing() {
        IssuedToken a = generate(ann, "a");
        assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(ann.id(), Password.given("guess guess"),
                Set.of(a.token().id())))).isInstanceOf(PasswordConfirmationFailed.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(1);
    }

    @Test
    void another_accounts_token_is_answered_exactly_as_a_missing_one() {
        IssuedToken bobs = generate(bob, "bob's");
        TokenId missing = new TokenId(bobs.token().id().value() + 100);
        for (TokenId id : List.of(bobs.token().id(), missing)) {
            assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(ann.id(), password(), id,
                    Optional.of(new Description("mine now")), Optional.empty(), Optional.empty())))
                    .isInstanceOf(TokenNotFound.class).hasMessage("token " + id.value() + " not found");
            assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(ann.id(), password(), id,
                    Optional.empty()))).isInstanceOf(TokenNotFound.class);
            assertThatThrownBy(() -> tokens.copy(new ManageTokens.Copy(ann.id(), password(), id, Optional.empty(),
                    Optional.empty()))).isInstanceOf(TokenNotFound.class);
            assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(ann.id(), password(), Set.of(id))))
                    .isInstanceOf(TokenNotFound.class);
        }
        assertThat(tokens.list(ann.id(), Optional.of(Set.of(bobs.token().id())))).isEmpty();
        assertThat(tokens.list(bob.id(), Optional.empty())).extracting(tk -> tk.description().value())
                .containsExactly("bob's");
    }

    @Test
    void refresh_lists_all_or_only_the_named_tokens() {
        IssuedToken a = generate(ann, "a");
        generate(ann, "b");
        IssuedToken c = generate(ann, "c");
        assertThat(tokens.list(ann.id(), Optional.of(Set.of(a.token().id(), c.token().id(), new TokenId(77)))))
                .extracting(tk -> tk.description().value()).containsExactly("a", "c");
    }

    @Test
    void guessing_the_password_is_stopped_after_five_tries() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> generateWith(Password.given("guess guess"), "x"))
                    .isInstanceOf(PasswordConfirmationFailed.class);
        }
        assertThatThrownBy(() -> generate(ann, "even the right one waits")).isInstanceOf(TooManyAttempts.class)
                .hasMessageContaining("retry after");
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
        t.clock.advance(Duration.ofMinutes(16));
        assertThat(generate(ann, "after the wait").token()).isNotNull();
    }

    private IssuedToken generateWith(Password given, String description) {
        return tokens.generate(new ManageTokens.Generate(ann.id(), given, new Description(description),
                ScopeRequest.apiSet("IDE Plugins"), NEXT_YEAR));
    }
}
