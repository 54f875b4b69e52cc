package dev.pat.domain.port.in;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenLimit;
import dev.pat.domain.model.token.TokenValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Access Tokens tab: generate, edit, regenerate, copy, remove and refresh an account's tokens. Every change
 * is confirmed with the account's password before anything is applied.
 */
public interface ManageTokens {
    int LIMIT_PER_ACCOUNT = TokenLimit.STANDARD.perAccount();

    /** Generate; without an expiry, the token gets the longest lifetime allowed (or none, where none is set). */
    record Generate(Caller caller, Confirmation confirmation, Description description, ScopeRequest scope,
                    Optional<Expiry> expiry, PolicyRequest policies) {
        public Generate {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(confirmation, "confirmation");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(expiry, "expiry");
            Objects.requireNonNull(policies, "policies");
        }

        public Generate(Caller caller, Password password, Description description, ScopeRequest scope,
                        Optional<Expiry> expiry, PolicyRequest policies) {
            this(caller, Confirmation.of(password), description, scope, expiry, policies);
        }

        /** With the seed's policies (or the operator's defaults). */
        public Generate(Caller caller, Password password, Description description, ScopeRequest scope,
                        Optional<Expiry> expiry) {
            this(caller, password, description, scope, expiry, PolicyRequest.NONE);
        }

        public Generate(Caller caller, Password password, Description description, ScopeRequest scope,
                        Expiry expiry) {
            this(caller, password, description, scope, Optional.of(expiry));
        }

        public AccountId account() {
            return caller.account();
        }
    }

    record Edit(Caller caller, Confirmation confirmation, TokenId id, Optional<Description> description,
                Optional<ScopeRequest> scope, Optional<Expiry> expiry, PolicyRequest policies) {
        public Edit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(policies, "policies");
            checkChanges(description, scope, expiry, policies);
        }

        /** An edit must change something. */
        public static void checkChanges(Optional<Description> description, Optional<ScopeRequest> scope,
                                        Optional<Expiry> expiry, PolicyRequest policies) {
            if (description.isEmpty() && scope.isEmpty() && expiry.isEmpty() && policies.isEmpty()) {
                throw new InvalidInput("description", "nothing to change: give a description, an API set,"
                        + " methods, an expiry date or a policy");
            }
        }

        public Edit(Caller caller, Password password, TokenId id, Optional<Description> description,
                    Optional<ScopeRequest> scope, Optional<Expiry> expiry, PolicyRequest policies) {
            this(caller, Confirmation.of(password), id, description, scope, expiry, policies);
        }

        public Edit(Caller caller, Password password, TokenId id, Optional<Description> description,
                    Optional<ScopeRequest> scope, Optional<Expiry> expiry) {
            this(caller, password, id, description, scope, expiry, PolicyRequest.NONE);
        }

        public AccountId account() {
            return caller.account();
        }
    }

    /** Regenerate; with a grace period (0 to a day) the old value keeps working until it ends. */
    record Regenerate(Caller caller, Confirmation confirmation, TokenId id, Optional<Expiry> expiry,
                      Duration gracePeriod) {
        public Regenerate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative() || gracePeriod.toMinutes() > PolicyLimits.MAX_GRACE_MINUTES) {
                throw new InvalidInput(PolicyLimits.GRACE_PERIOD, "0 to " + PolicyLimits.MAX_GRACE_MINUTES
                        + " minutes (a day)");
            }
        }

        public Regenerate(Caller caller, Password password, TokenId id, Optional<Expiry> expiry,
                          Duration gracePeriod) {
            this(caller, Confirmation.of(password), id, expiry, gracePeriod);
        }

        /** The seed's regeneration: the old value stops working at once. */
        public Regenerate(Caller caller, Password password, TokenId id, Optional<Expiry> expiry) {
            this(caller, password, id, expiry, Duration.ZERO);
        }

        public AccountId account() {
            return caller.account();
        }
    }

    record Copy(Caller caller, Confirmation confirmation, TokenId id, Optional<Description> description,
                Optional<Expiry> expiry, PolicyRequest policies) {
        public Copy {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(policies, "policies");
        }

        public Copy(Caller caller, Password password, TokenId id, Optional<Description> description,
                    Optional<Expiry> expiry, PolicyRequest policies) {
            this(caller, Confirmation.of(password), id, description, expiry, policies);
        }

        public Copy(Caller caller, Password password, TokenId id, Optional<Description> description,
                    Optional<Expiry> expiry) {
            this(caller, password, id, description, expiry, PolicyRequest.NONE);
        }

        public AccountId account() {
            return caller.account();
        }
    }

    /** Remove the tokens named, or, with no ids ({@link #all}), every token of the account. */
    record Remove(Caller caller, Confirmation confirmation, Optional<Set<TokenId>> ids) {
        public Remove {
            if (ids.isPresent() && ids.get().isEmpty()) {
                throw new InvalidInput("ids", "name at least one token to remove");
            }
            if (ids.isPresent() && ids.get().size() > LIMIT_PER_ACCOUNT) {
                throw new InvalidInput("ids", "names " + ids.get().size() + " tokens; an account holds at most "
                        + LIMIT_PER_ACCOUNT);
            }
            ids = ids.map(Set::copyOf);
        }

        public Remove(Caller caller, Password password, Optional<Set<TokenId>> ids) {
            this(caller, Confirmation.of(password), ids);
        }

        public Remove(Caller caller, Password password, Set<TokenId> ids) {
            this(caller, password, Optional.of(ids));
        }

        public static Remove all(Caller caller, Password password) {
            return new Remove(caller, password, Optional.empty());
        }

        public AccountId account() {
            return caller.account();
        }
    }

    /** Ends a rotation's overlap early: the token's previous value stops working now. */
    record EndGracePeriod(Caller caller, Confirmation confirmation, TokenId id) {
        public EndGracePeriod {
            Objects.requireNonNull(id, "id");
        }

        public EndGracePeriod(Caller caller, Password password, TokenId id) {
            this(caller, Confirmation.of(password), id);
        }

        public AccountId account() {
            return caller.account();
        }
    }

    /** What a token is told about itself: its view (policies included) and the login of its account. */
    record TokenInfo(TokenView token, String login) {
    }

    /** A token just generated, regenerated or copied, with its value: the one time the value is shown. */
    record Issued(TokenView token, TokenValue value) {
        public TokenId id() {
            return new TokenId(token.id());
        }

        @Override
        public String toString() {
            return "Issued[" + token.id() + ", " + token.hint() + "]";
        }
    }

    Issued generate(Generate command);

    TokenView edit(Edit command);

    Issued regenerate(Regenerate command);

    Issued copy(Copy command);

    /** Ends the overlap of the token's last regeneration; answers the token as it is now. */
    TokenView endGracePeriod(EndGracePeriod command);

    /** A token about itself, and only itself (GetTokenInfo); refuses a caller that is not a token. */
    TokenInfo info(Caller caller);

    /** The account's tokens that still work but expire within the operator's warning time. */
    List<TokenView> expiringSoon(AccountId account);

    /** Removes the tokens; answers how many. */
    int remove(Remove command);

    /** Refresh: the account's tokens, all or only those named; unknown ids are left out. */
    List<TokenView> list(AccountId account, Optional<Set<TokenId>> only);

    /** The methods the token actually called (successfully) in the last {@code window}: what narrowing keeps. */
    Set<String> methodsUsed(AccountId account, TokenId id, Duration window);

    /** The dates offered when choosing Expires At: in a month, a quarter and a year from today. */
    List<LocalDate> suggestedExpiries();

    /**
     * Checks the values a change asks for, before anyone signs in or is asked for a password: the API set or
     * methods, the expiry date (not past, within the longest lifetime) and the policies. The change itself checks
     * them again, with what only the account's state can tell (the token exists, its expiry, the limit).
     */
    void checkValues(Optional<ScopeRequest> scope, Optional<Expiry> expiry, PolicyRequest policies);
}
