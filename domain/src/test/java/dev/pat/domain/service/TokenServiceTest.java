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
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.Confirmation;
import dev.pat.domain.port.in.ManageTokens.Issued;
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
import java.util.Set;

import static dev.pat.domain.testing.TestPlatform.HERE;
import static dev.pat.domain.testing.TestPlatform.as;
import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final ManageTokens tokens = t.platform.tokens();
    private final Account ann = t.account("ann@example.com");
    private final Account bob = t.account("bob@example.com");
    private static final Expiry NEXT_YEAR = Expiry.parse("31-12-2027");

    private Issued generate(Account who, String description) {
        return tokens.generate(new ManageTokens.Generate(as(who.id()), password(), new Description(description),
                ScopeRequest.apiSet("IDE Plugins"), NEXT_YEAR));
    }

    private static TokenId id(Issued issued) {
        return new TokenId(issued.token().id());
    }

    private AccessToken stored(Issued issued) {
        return t.stores.tokens.byId(id(issued)).orElseThrow();
    }

    private void assertNothingChangedFor(Account who, List<TokenView> before) {
        assertThat(tokens.list(who.id(), Optional.empty())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(before);
    }

    /** A confirmation that counts how often the password was asked for. */
    private static final class Asked implements Confirmation {
        int times;

        @Override
        public Password password() {
            times++;
            return TestPlatform.password();
        }
    }

    @Test
    void the_password_is_asked_only_after_every_check_that_needs_none_has_passed() {
        Issued expiring = tokens.generate(new ManageTokens.Generate(as(ann.id()), password(), new Description("soon"),
                ScopeRequest.apiSet("IDE Plugins"), Expiry.endOf(java.time.LocalDate.ofInstant(t.clock.now(),
                java.time.ZoneOffset.UTC).plusDays(1))));
        Issued bobs = generate(bob, "bob's");
        t.clock.advance(Duration.ofDays(3));
        Asked asked = new Asked();
        Expiry past = Expiry.parse("01-01-2020");
        List<Runnable> refusedBeforeAsking = List.of(
                () -> tokens.generate(new ManageTokens.Generate(as(ann.id()), asked, new Description("x"),
                        ScopeRequest.apiSet("Gold"), Optional.empty(), PolicyRequest.NONE)),
                () -> tokens.generate(new ManageTokens.Generate(as(ann.id()), asked, new Description("x"),
                        ScopeRequest.apiSet("IDE Plugins"), Optional.of(past), PolicyRequest.NONE)),
                () -> tokens.edit(new ManageTokens.Edit(as(ann.id()), asked, id(bobs), Optional.of(
                        new Description("mine")), Optional.empty(), Optional.empty(), PolicyRequest.NONE)),
                () -> tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), asked, id(expiring),
                        Optional.empty(), Duration.ZERO)),
                () -> tokens.copy(new ManageTokens.Copy(as(ann.id()), asked, id(expiring), Optional.empty(),
                        Optional.empty(), PolicyRequest.NONE)),
                () -> tokens.endGracePeriod(new ManageTokens.EndGracePeriod(as(ann.id()), asked, id(expiring))),
                () -> tokens.remove(new ManageTokens.Remove(as(ann.id()), asked, Optional.of(Set.of(id(expiring),
                        id(bobs))))));
        for (Runnable refused : refusedBeforeAsking) {
            assertThatThrownBy(refused::run).isInstanceOfAny(InvalidInput.class, TokenNotFound.class);
        }
        assertThat(asked.times).as("password prompts for changes that were refused anyway").isZero();

        tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), asked, id(expiring), Optional.of(NEXT_YEAR),
                Duration.ZERO));
        assertThat(asked.times).isEqualTo(1);
    }

    @Test
    void generating_gives_the_value_once_and_stores_only_its_digest() {
        Issued issued = generate(ann, "deploy from CI");

        TokenView listed = tokens.list(ann.id(), Optional.empty()).get(0);
        assertThat(listed).isEqualTo(issued.token());
        assertThat(listed.description()).isEqualTo("deploy from CI");
        assertThat(listed.tokenTemplate()).isEqualTo(TokenView.Template.of(ApiCatalog.IDE_PLUGINS));
        assertThat(listed.tokenTemplate().name()).isEqualTo("IDE Plugins");
        assertThat(listed.methodNames()).containsExactlyElementsOf(ApiCatalog.IDE_PLUGINS.methods().stream()
                .map(m -> m.canonical()).toList());
        assertThat(listed.expiresAt()).contains(NEXT_YEAR.lastSecond());
        assertThat(listed.createdOn()).isEqualTo(t.clock.now());
        assertThat(listed.lastUsed()).isEmpty();
        assertThat(listed.status()).isEqualTo(TokenView.ACTIVE);
        assertThat(listed.hint()).isEqualTo(issued.value().hint().value());
        assertThat(listed.toString() + issued).doesNotContain(issued.value().reveal());
        AccessToken stored = stored(issued);
        assertThat(stored.digest()).isEqualTo(issued.value().digest());
        assertThat(stored.toString()).doesNotContain(issued.value().reveal());
    }

    @Test
    void several_tokens_can_be_generated_for_different_tasks() {
        generate(ann, "CI");
        generate(ann, "IDE");
        generate(ann, "monitoring");
        assertThat(tokens.list(ann.id(), Optional.empty())).extracting(TokenView::description)
                .containsExactly("CI", "IDE", "monitoring");
    }

    @Test
    void a_custom_token_holds_the_chosen_methods() {
        Issued issued = tokens.generate(new ManageTokens.Generate(as(ann.id()), password(),
                new Description("stopper"), ScopeRequest.custom(List.of("environment.Control.StopEnv")), NEXT_YEAR));
        assertThat(issued.token().tokenTemplate().custom()).isTrue();
        assertThat(issued.token().methodNames()).containsExactly(ApiCatalog.STOP_ENV.canonical());
    }

    @Test
    void a_wrong_password_applies_nothing() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(as(ann.id()), Password.given("wrong one"),
                new Description("x"), ScopeRequest.apiSet("Marketplace"), NEXT_YEAR)))
                .isInstanceOf(PasswordConfirmationFailed.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
    }

    @Test
    void an_expiry_in_the_past_is_refused() {
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(as(ann.id()), password(),
                new Description("x"), ScopeRequest.apiSet("Marketplace"), Expiry.parse("26-11-2026"))))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("expiresAt: ");
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
    }

    @Test
    void an_unknown_method_is_refused_before_the_password_is_even_checked() {
        int before = t.hasher.verifications.get();
        assertThatThrownBy(() -> tokens.generate(new ManageTokens.Generate(as(ann.id()), password(),
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
        assertThat(generate(bob, "bob has his own allowance").token().id()).isPositive();
    }

    @Test
    void editing_changes_only_what_is_given() {
        Issued issued = generate(ann, "old");
        TokenView edited = tokens.edit(new ManageTokens.Edit(as(ann.id()), password(), id(issued),
                Optional.of(new Description("new")), Optional.empty(), Optional.empty()));
        assertThat(edited.description()).isEqualTo("new");
        assertThat(edited.tokenTemplate()).isEqualTo(issued.token().tokenTemplate());
        assertThat(edited.apiListItems()).isEqualTo(issued.token().apiListItems());
        assertThat(edited.expiresAt()).contains(NEXT_YEAR.lastSecond());
        assertThat(stored(issued).digest()).isEqualTo(issued.value().digest());
    }

    @Test
    void editing_to_a_custom_list_replaces_the_set() {
        Issued issued = generate(ann, "t");
        TokenView edited = tokens.edit(new ManageTokens.Edit(as(ann.id()), password(), id(issued),
                Optional.empty(), Optional.of(ScopeRequest.custom(List.of("environment.Control.GetEnvs"))),
                Optional.empty()));
        assertThat(edited.tokenTemplate().custom()).isTrue();
        assertThat(edited.methodNames()).containsExactly(ApiCatalog.GET_ENVS.canonical());
    }

    @Test
    void editing_with_a_wrong_password_or_bad_input_leaves_the_token_as_it_was() {
        Issued issued = generate(ann, "keep me");
        List<TokenView> before = tokens.list(ann.id(), Optional.empty());
        assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(as(ann.id()), Password.given("nope nope"),
                id(issued), Optional.of(new Description("changed")), Optional.empty(), Optional.empty())))
                .isInstanceOf(PasswordConfirmationFailed.class);
        assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(as(ann.id()), password(), id(issued),
                Optional.of(new Description("changed")), Optional.of(ScopeRequest.custom(List.of())),
                Optional.empty())))
                .isInstanceOf(InvalidInput.class);
        assertNothingChangedFor(ann, before);
    }

    @Test
    void an_edit_with_nothing_to_change_is_refused() {
        assertThatThrownBy(() -> new ManageTokens.Edit(as(ann.id()), password(), new TokenId(1), Optional.empty(),
                Optional.empty(), Optional.empty())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("nothing to change");
    }

    @Test
    void regenerating_makes_the_old_value_fail_and_keeps_every_other_setting() {
        Issued first = generate(ann, "ci");
        Issued second = tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), password(),
                id(first), Optional.empty()));

        assertThat(second.value().reveal()).isNotEqualTo(first.value().reveal());
        assertThat(id(second)).isEqualTo(id(first));
        assertThat(second.token().description()).isEqualTo(first.token().description());
        assertThat(second.token().apiListItems()).isEqualTo(first.token().apiListItems());
        assertThat(second.token().expiresAt()).isEqualTo(first.token().expiresAt());
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(first.value().reveal()),
                ApiCatalog.STOP_ENV, HERE)).isInstanceOf(NotAuthenticated.class)
                .extracting(e -> ((NotAuthenticated) e).reason()).isEqualTo(NotAuthenticated.Reason.REPLACED);
        assertThat(t.platform.authorize().authorize(Credential.presented(second.value().reveal()),
                ApiCatalog.STOP_ENV, HERE).account()).isEqualTo(ann.id());
    }

    @Test
    void an_expired_token_can_be_regenerated_back_to_life_with_a_new_expiry() {
        Issued first = generate(ann, "ci");
        t.clock.set(Instant.parse("2028-06-01T00:00:00Z"));
        assertThat(tokens.list(ann.id(), Optional.empty()).get(0).status()).isEqualTo(TokenView.EXPIRED);

        assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), password(),
                id(first), Optional.empty()))).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("expiresAt: the token expired at 2027-12-31 23:59:59 UTC");

        Issued revived = tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), password(),
                id(first), Optional.of(Expiry.parse("31-12-2028"))));
        assertThat(revived.token().status()).isEqualTo(TokenView.ACTIVE);
    }

    @Test
    void regenerating_a_removed_token_is_token_not_found() {
        Issued issued = generate(ann, "gone");
        tokens.remove(new ManageTokens.Remove(as(ann.id()), password(), Set.of(id(issued))));
        assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), password(),
                id(issued), Optional.empty()))).isInstanceOf(TokenNotFound.class);
    }

    @Test
    void copying_makes_a_new_token_with_the_same_set_methods_and_expiry() {
        Issued original = generate(ann, "ci");
        Issued copy = tokens.copy(new ManageTokens.Copy(as(ann.id()), password(), id(original),
                Optional.empty(), Optional.empty()));
        assertThat(id(copy)).isNotEqualTo(id(original));
        assertThat(copy.value().reveal()).isNotEqualTo(original.value().reveal());
        assertThat(copy.token().description()).isEqualTo("Copy of ci");
        assertThat(copy.token().tokenTemplate()).isEqualTo(original.token().tokenTemplate());
        assertThat(copy.token().apiListItems()).isEqualTo(original.token().apiListItems());
        assertThat(copy.token().expiresAt()).isEqualTo(original.token().expiresAt());
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(2);
    }

    @Test
    void copying_counts_against_the_limit() {
        Issued original = generate(ann, "token 0");
        for (int i = 1; i < ManageTokens.LIMIT_PER_ACCOUNT; i++) {
            generate(ann, "token " + i);
        }
        assertThatThrownBy(() -> tokens.copy(new ManageTokens.Copy(as(ann.id()), password(), id(original),
                Optional.empty(), Optional.empty()))).isInstanceOf(TokenLimitReached.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(100);
    }

    @Test
    void removing_several_at_once_removes_all_of_them() {
        Issued a = generate(ann, "a");
        Issued b = generate(ann, "b");
        Issued c = generate(ann, "c");
        tokens.remove(new ManageTokens.Remove(as(ann.id()), password(), Set.of(id(a), id(c))));
        assertThat(tokens.list(ann.id(), Optional.empty())).extracting(TokenView::id)
                .containsExactly(b.token().id());
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(a.value().reveal()),
                ApiCatalog.GET_ENVS, HERE)).isInstanceOf(NotAuthenticated.class).hasMessageContaining("removed");
    }

    @Test
    void removing_with_one_unknown_id_removes_none() {
        Issued a = generate(ann, "a");
        List<TokenView> before = tokens.list(ann.id(), Optional.empty());
        assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(as(ann.id()), password(),
                Set.of(id(a), new TokenId(999))))).isInstanceOf(TokenNotFound.class);
        assertNothingChangedFor(ann, before);
    }

    @Test
    void removing_with_a_wrong_password_removes_nothing() {
        Issued a = generate(ann, "a");
        assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(as(ann.id()), Password.given("guess guess"),
                Set.of(id(a))))).isInstanceOf(PasswordConfirmationFailed.class);
        assertThat(tokens.list(ann.id(), Optional.empty())).hasSize(1);
    }

    @Test
    void another_accounts_token_is_answered_exactly_as_a_missing_one() {
        Issued bobs = generate(bob, "bob's");
        TokenId missing = new TokenId(bobs.token().id() + 100);
        for (TokenId id : List.of(id(bobs), missing)) {
            assertThatThrownBy(() -> tokens.edit(new ManageTokens.Edit(as(ann.id()), password(), id,
                    Optional.of(new Description("mine now")), Optional.empty(), Optional.empty())))
                    .isInstanceOf(TokenNotFound.class).hasMessage("token " + id.value() + " not found");
            assertThatThrownBy(() -> tokens.regenerate(new ManageTokens.Regenerate(as(ann.id()), password(), id,
                    Optional.empty()))).isInstanceOf(TokenNotFound.class);
            assertThatThrownBy(() -> tokens.copy(new ManageTokens.Copy(as(ann.id()), password(), id, Optional.empty(),
                    Optional.empty()))).isInstanceOf(TokenNotFound.class);
            assertThatThrownBy(() -> tokens.remove(new ManageTokens.Remove(as(ann.id()), password(), Set.of(id))))
                    .isInstanceOf(TokenNotFound.class);
        }
        assertThat(tokens.list(ann.id(), Optional.of(Set.of(id(bobs))))).isEmpty();
        assertThat(tokens.list(bob.id(), Optional.empty())).extracting(TokenView::description)
                .containsExactly("bob's");
    }

    @Test
    void refresh_lists_all_or_only_the_named_tokens() {
        Issued a = generate(ann, "a");
        generate(ann, "b");
        Issued c = generate(ann, "c");
        assertThat(tokens.list(ann.id(), Optional.of(Set.of(id(a), id(c), new TokenId(77)))))
                .extracting(TokenView::description).containsExactly("a", "c");
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

    @Test
    void a_token_given_no_expiry_gets_the_longest_lifetime_and_the_answer_shows_it() {
        TestPlatform yearly = new TestPlatform(Platform.Policies.STANDARD.with(new ExpiryPolicy(
                Optional.of(Duration.ofDays(366)))));
        Account carl = yearly.account("carl@example.com");
        Issued issued = yearly.platform.tokens().generate(new ManageTokens.Generate(as(carl.id()), password(),
                new Description("no date"), ScopeRequest.apiSet("IDE Plugins"), Optional.empty()));
        assertThat(issued.token().expiresAt()).contains(Instant.parse("2027-11-28T23:59:59Z"));

        Issued forever = tokens.generate(new ManageTokens.Generate(as(ann.id()), password(),
                new Description("never"), ScopeRequest.apiSet("IDE Plugins"), Optional.empty()));
        assertThat(forever.token().expiresAt()).as("without a longest lifetime, a token never expires").isEmpty();
        t.clock.set(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(tokens.list(ann.id(), Optional.empty()).get(0).status()).isEqualTo(TokenView.ACTIVE);
    }

    @Test
    void removing_all_removes_every_token_of_the_account_and_no_other() {
        Issued a = generate(ann, "a");
        generate(ann, "b");
        generate(bob, "bob's");
        tokens.remove(ManageTokens.Remove.all(as(ann.id()), password()));
        assertThat(tokens.list(ann.id(), Optional.empty())).isEmpty();
        assertThat(tokens.list(bob.id(), Optional.empty())).hasSize(1);
        assertThatThrownBy(() -> t.platform.authorize().authorize(Credential.presented(a.value().reveal()),
                ApiCatalog.GET_ENVS, HERE)).isInstanceOf(NotAuthenticated.class).hasMessageContaining("removed");
    }

    private Issued generateWith(Password given, String description) {
        return tokens.generate(new ManageTokens.Generate(as(ann.id()), given, new Description(description),
                ScopeRequest.apiSet("IDE Plugins"), NEXT_YEAR));
    }
}
