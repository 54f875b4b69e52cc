package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.AddressRestriction;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.EnvRestriction;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.PreviousValue;
import dev.pat.domain.model.token.Scope;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenPolicies;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.testing.SeededRandomness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code TokenStore} (and the {@code UsageRecorder} and {@code Transactions} beside it) must do. */
public abstract class TokenStoreContract extends StoreContract {
    private final SeededRandomness randomness = new SeededRandomness(5);
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
    private Account ann;
    private Account bob;

    @BeforeEach
    void twoAccounts() {
        ann = f.anAccount("ann@example.com");
        bob = f.anAccount("bob@example.com");
    }

    private AccessToken token(Account owner, String description, Scope scope, TokenValue value) {
        return AccessToken.generate(owner.id(), new Description(description), scope,
                Expiry.parse("2027-06-30 12:00:00"), value, ExpiryPolicy.UNLIMITED, t0);
    }

    private AccessToken stored(Account owner, String description) {
        return f.tokens().add(token(owner, description, Scope.of(ApiCatalog.IDE_PLUGINS),
                TokenValue.generate(randomness)));
    }

    @Test
    void an_added_token_comes_back_field_for_field() {
        TokenValue value = TokenValue.generate(randomness);
        AccessToken custom = f.tokens().add(token(ann, "ünïcode ✓ description",
                Scope.custom(Set.of(ApiCatalog.STOP_ENV)), value));
        AccessToken reread = f.tokens().byId(custom.id()).orElseThrow();
        assertThat(reread).usingRecursiveComparison().isEqualTo(custom);
        assertThat(reread.scope().isCustom()).isTrue();

        AccessToken fromSet = stored(ann, "set");
        assertThat(f.tokens().byId(fromSet.id()).orElseThrow().scope()).isEqualTo(Scope.of(ApiCatalog.IDE_PLUGINS));
    }

    @Test
    void a_token_is_found_by_the_digest_of_its_value() {
        TokenValue value = TokenValue.generate(randomness);
        AccessToken token = f.tokens().add(token(ann, "t", Scope.of(ApiCatalog.MARKETPLACE), value));
        TokenStore.Lookup lookup = f.tokens().byDigest(value.digest());
        assertThat(lookup).isInstanceOf(TokenStore.Found.class);
        assertThat(((TokenStore.Found) lookup).token().id()).isEqualTo(token.id());
        assertThat(f.tokens().byDigest(TokenValue.generate(randomness).digest()))
                .isInstanceOf(TokenStore.Unknown.class);
    }

    @Test
    void ids_are_never_reused_after_removal() {
        AccessToken first = stored(ann, "first");
        f.tokens().remove(List.of(first.id()));
        AccessToken second = stored(ann, "second");
        assertThat(second.id().value()).isGreaterThan(first.id().value());
    }

    @Test
    void listing_and_counting_are_per_account() {
        stored(ann, "a1");
        stored(ann, "a2");
        stored(bob, "b1");
        assertThat(f.tokens().ofAccount(ann.id())).extracting(t -> t.description().value()).containsExactly("a1", "a2");
        assertThat(f.tokens().countOf(ann.id())).isEqualTo(2);
        assertThat(f.tokens().countOf(bob.id())).isEqualTo(1);
        assertThat(f.tokens().all()).hasSize(3);
    }

    @Test
    void a_replaced_value_is_retired_as_replaced() {
        TokenValue oldValue = TokenValue.generate(randomness);
        AccessToken token = f.tokens().add(token(ann, "t", Scope.of(ApiCatalog.IDE_PLUGINS), oldValue));
        TokenValue newValue = TokenValue.generate(randomness);
        AccessToken renewed = token.regenerate(newValue, Optional.empty(), ExpiryPolicy.UNLIMITED, t0);
        f.tokens().replaceValue(renewed, token.digest());

        assertThat(f.tokens().byDigest(newValue.digest())).isInstanceOf(TokenStore.Found.class);
        assertThat(f.tokens().byDigest(oldValue.digest())).isInstanceOfSatisfying(TokenStore.Retired.class,
                r -> assertThat(r.why()).isEqualTo(TokenStore.Retirement.REPLACED));
        assertThat(f.tokens().byId(token.id()).orElseThrow().hint()).isEqualTo(newValue.hint());
    }

    @Test
    void a_token_that_never_expires_comes_back_so() {
        AccessToken forever = f.tokens().add(AccessToken.generate(ann.id(), new Description("forever"),
                Scope.of(ApiCatalog.IDE_PLUGINS), Optional.empty(), TokenPolicies.NONE,
                TokenValue.generate(randomness), ExpiryPolicy.UNLIMITED, t0));
        assertThat(f.tokens().byId(forever.id()).orElseThrow().expiry()).isEmpty();
        assertThat(f.tokens().byId(forever.id()).orElseThrow().hasExpired(Instant.parse("9999-12-31T00:00:00Z")))
                .isFalse();
    }

    @Test
    void policies_are_saved_and_come_back_as_they_were() {
        AccessToken token = stored(ann, "restricted");
        TokenPolicies policies = new TokenPolicies(EnvRestriction.parse(List.of("shop-*", "staging")),
                AddressRestriction.parse(List.of("10.0.0.0/8", "2001:db8::1")), Optional.of(30), Optional.of(90));
        Instant later = t0.plusSeconds(3600);
        AccessToken edited = token.edit(Optional.empty(), Optional.empty(), Optional.empty(), policies,
                ExpiryPolicy.UNLIMITED, later);
        f.tokens().saveSettings(edited);
        AccessToken back = f.tokens().byId(token.id()).orElseThrow();
        assertThat(back.policies()).isEqualTo(policies);
        assertThat(back.activeSince()).as("an edit revives an idle token").isEqualTo(later);
        assertThat(f.tokens().byDigest(token.digest())).isInstanceOfSatisfying(TokenStore.Found.class,
                found -> assertThat(found.token().policies()).isEqualTo(policies));
    }

    @Test
    void during_an_overlap_the_previous_value_finds_the_token_and_afterwards_it_is_replaced() {
        TokenValue oldValue = TokenValue.generate(randomness);
        AccessToken token = f.tokens().add(AccessToken.generate(ann.id(), new Description("rotated"),
                Scope.of(ApiCatalog.IDE_PLUGINS), Expiry.parse("2099-01-01"), oldValue, ExpiryPolicy.UNLIMITED, t0));
        TokenValue newValue = TokenValue.generate(randomness);
        AccessToken renewed = token.regenerate(newValue, Optional.empty(), Duration.ofMinutes(30),
                ExpiryPolicy.UNLIMITED, t0);
        f.tokens().replaceValue(renewed, oldValue.digest());

        assertThat(f.tokens().byDigest(oldValue.digest())).isInstanceOfSatisfying(TokenStore.Found.class,
                found -> assertThat(found.token().match(oldValue.digest(), t0)).isEqualTo(AccessToken.Match.PREVIOUS));
        PreviousValue previous = f.tokens().byId(token.id()).orElseThrow().previous().orElseThrow();
        assertThat(previous.hint()).isEqualTo(oldValue.hint());
        assertThat(previous.worksUntil()).isEqualTo(t0.plus(Duration.ofMinutes(30)));

        f.tokens().endGracePeriod(renewed, oldValue.digest());
        assertThat(f.tokens().byId(token.id()).orElseThrow().previous()).isEmpty();
        assertThat(f.tokens().byDigest(oldValue.digest())).isInstanceOfSatisfying(TokenStore.Retired.class,
                r -> assertThat(r.why()).isEqualTo(TokenStore.Retirement.REPLACED));
        assertThat(f.tokens().byDigest(newValue.digest())).isInstanceOf(TokenStore.Found.class);
    }

    @Test
    void removing_a_token_in_its_overlap_retires_both_values() {
        TokenValue oldValue = TokenValue.generate(randomness);
        AccessToken token = f.tokens().add(AccessToken.generate(ann.id(), new Description("rotated"),
                Scope.of(ApiCatalog.IDE_PLUGINS), Expiry.parse("2099-01-01"), oldValue, ExpiryPolicy.UNLIMITED, t0));
        TokenValue newValue = TokenValue.generate(randomness);
        f.tokens().replaceValue(token.regenerate(newValue, Optional.empty(), Duration.ofMinutes(30),
                ExpiryPolicy.UNLIMITED, t0), oldValue.digest());
        f.tokens().remove(List.of(token.id()));
        assertThat(f.tokens().byDigest(oldValue.digest())).isInstanceOf(TokenStore.Retired.class);
        assertThat(f.tokens().byDigest(newValue.digest())).isInstanceOfSatisfying(TokenStore.Retired.class,
                r -> assertThat(r.why()).isEqualTo(TokenStore.Retirement.REMOVED));
    }

    @Test
    void edits_are_saved() {
        AccessToken token = stored(ann, "before");
        AccessToken edited = token.edit(Optional.of(new Description("after")),
                Optional.of(Scope.custom(Set.of(ApiCatalog.GET_ENVS, ApiCatalog.SLEEP_ENV))),
                Optional.of(Expiry.parse("2028-01-01")), ExpiryPolicy.UNLIMITED, t0);
        f.tokens().saveSettings(edited);
        assertThat(f.tokens().byId(token.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(edited);
    }

    @Test
    void saving_settings_never_writes_the_value_so_an_edit_cannot_bring_back_a_replaced_one() {
        TokenValue oldValue = TokenValue.generate(randomness);
        AccessToken readBeforeRegeneration = f.tokens().add(token(ann, "t", Scope.of(ApiCatalog.IDE_PLUGINS),
                oldValue));
        TokenValue newValue = TokenValue.generate(randomness);
        f.tokens().replaceValue(readBeforeRegeneration.regenerate(newValue, Optional.empty(), ExpiryPolicy.UNLIMITED,
                t0), oldValue.digest());
        // an edit computed from what was read before the regeneration
        f.tokens().saveSettings(readBeforeRegeneration.edit(Optional.of(new Description("edited")), Optional.empty(),
                Optional.empty(), ExpiryPolicy.UNLIMITED, t0));

        AccessToken now = f.tokens().byId(readBeforeRegeneration.id()).orElseThrow();
        assertThat(now.description().value()).isEqualTo("edited");
        assertThat(now.digest()).isEqualTo(newValue.digest());
        assertThat(f.tokens().byDigest(oldValue.digest())).isInstanceOf(TokenStore.Retired.class);
        assertThat(f.tokens().byDigest(newValue.digest())).isInstanceOf(TokenStore.Found.class);
    }

    @Test
    void a_value_is_replaced_only_if_the_token_still_holds_it() {
        TokenValue oldValue = TokenValue.generate(randomness);
        AccessToken token = f.tokens().add(token(ann, "t", Scope.of(ApiCatalog.IDE_PLUGINS), oldValue));
        TokenValue first = TokenValue.generate(randomness);
        f.tokens().replaceValue(token.regenerate(first, Optional.empty(), ExpiryPolicy.UNLIMITED, t0),
                oldValue.digest());
        TokenValue second = TokenValue.generate(randomness);
        assertThatThrownBy(() -> f.tokens().replaceValue(token.regenerate(second, Optional.empty(),
                ExpiryPolicy.UNLIMITED, t0), oldValue.digest())).isInstanceOf(IllegalStateException.class);
        assertThat(f.tokens().byDigest(first.digest())).isInstanceOf(TokenStore.Found.class);
        assertThat(f.tokens().byDigest(second.digest())).isInstanceOf(TokenStore.Unknown.class);
    }

    @Test
    void removed_tokens_are_gone_and_their_values_retired_as_removed() {
        TokenValue v1 = TokenValue.generate(randomness);
        TokenValue v2 = TokenValue.generate(randomness);
        AccessToken t1 = f.tokens().add(token(ann, "1", Scope.of(ApiCatalog.IDE_PLUGINS), v1));
        AccessToken t2 = f.tokens().add(token(ann, "2", Scope.of(ApiCatalog.IDE_PLUGINS), v2));
        AccessToken keep = stored(ann, "keep");
        f.tokens().remove(List.of(t1.id(), t2.id(), new TokenId(t2.id().value() + 1000)));
        assertThat(f.tokens().ofAccount(ann.id())).extracting(AccessToken::id).containsExactly(keep.id());
        assertThat(f.tokens().byDigest(v1.digest())).isInstanceOfSatisfying(TokenStore.Retired.class,
                r -> assertThat(r.why()).isEqualTo(TokenStore.Retirement.REMOVED));
        assertThat(f.tokens().byId(t2.id())).isEmpty();
    }

    @Test
    void noted_use_shows_as_last_used_and_never_goes_back_in_time() {
        AccessToken token = stored(ann, "used");
        f.usage().noteUsed(token.id(), t0.plusSeconds(100));
        f.usage().noteUsed(token.id(), t0.plusSeconds(50));
        assertThat(f.tokens().byId(token.id()).orElseThrow().lastUsed()).contains(t0.plusSeconds(100));
        f.flushUsage();
        assertThat(f.tokens().byId(token.id()).orElseThrow().lastUsed()).contains(t0.plusSeconds(100));
        f.usage().noteUsed(token.id(), t0.plusSeconds(10));
        f.flushUsage();
        assertThat(f.tokens().ofAccount(ann.id()).get(0).lastUsed()).contains(t0.plusSeconds(100));
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        AccessToken existing = stored(ann, "existing");
        assertThatThrownBy(() -> f.transactions().inTransaction(() -> {
            stored(ann, "half");
            f.tokens().remove(List.of(existing.id()));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(f.tokens().ofAccount(ann.id())).extracting(t -> t.description().value())
                .containsExactly("existing");
        assertThat(f.tokens().byDigest(existing.digest())).isInstanceOf(TokenStore.Found.class);
    }

    @Test
    void nested_transactions_commit_together() {
        AccessToken outer = f.transactions().inTransaction(() -> {
            AccessToken t = stored(ann, "outer");
            f.transactions().inTransaction(() -> stored(ann, "inner"));
            return t;
        });
        assertThat(outer.id()).isNotNull();
        assertThat(f.tokens().countOf(ann.id())).isEqualTo(2);
        assertThat(f.tokens().byId(new TokenId(outer.id().value() + 1000))).isEmpty();
    }
}
