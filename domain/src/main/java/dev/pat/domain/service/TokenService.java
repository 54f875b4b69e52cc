package dev.pat.domain.service;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.TokenUsage;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.Scope;
import dev.pat.domain.model.token.TokenChanges;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenLimit;
import dev.pat.domain.model.token.TokenPolicies;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.PolicyRequest;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.TokenView;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Access Tokens tab's use cases. Input is checked, then the password, then the change is applied whole. */
public final class TokenService implements ManageTokens {
    private final TokenStore tokens;
    private final PasswordConfirmation passwords;
    private final Transactions transactions;
    private final ApiCatalog catalog;
    private final TokenLimit limit;
    private final ExpiryPolicy expiries;
    private final PolicyLimits policyLimits;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Randomness randomness;

    TokenService(TokenStore tokens, PasswordConfirmation passwords, Transactions transactions, ApiCatalog catalog,
                 TokenLimit limit, ExpiryPolicy expiries, PolicyLimits policyLimits, AccountStore accounts,
                 AuditTrail audit, Clock clock, Randomness randomness) {
        this.audit = audit;
        this.policyLimits = policyLimits;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.transactions = transactions;
        this.catalog = catalog;
        this.limit = limit;
        this.expiries = expiries;
        this.clock = clock;
        this.randomness = randomness;
    }

    @Override
    public Issued generate(Generate command) {
        Instant now = clock.now();
        Scope scope = scopeOf(command.scope());
        command.expiry().ifPresent(e -> expiries.forNew(e, now));
        TokenPolicies policies = command.policies().forNew(policyLimits);
        limit.allowOneMore(tokens.countOf(command.account()));
        passwords.confirm(command.caller(), command.confirmation().password());
        TokenValue value = TokenValue.generate(randomness);
        AccessToken token = AccessToken.generate(command.account(), command.description(), scope,
                command.expiry(), policies, value, expiries, now);
        return transactions.inTransaction(() -> {
            AccessToken added = addWithinLimit(token);
            audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_GENERATED, Optional.of(added.id()),
                    "\"" + added.description().value() + "\"", now));
            return issued(added, value, now);
        });
    }

    @Override
    public TokenView edit(Edit command) {
        Instant now = clock.now();
        Optional<Scope> scope = command.scope().map(this::scopeOf);
        expiries.forChange(command.expiry(), now);
        command.policies().check(policyLimits);
        owned(command.account(), command.id());
        passwords.confirm(command.caller(), command.confirmation().password());
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(command.account());
            AccessToken current = owned(command.account(), command.id());
            AccessToken edited = current.edit(command.description(), scope, command.expiry(),
                    command.policies().applyTo(current.policies(), policyLimits), expiries, now);
            tokens.saveSettings(edited);
            audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_EDITED, Optional.of(edited.id()),
                    TokenChanges.between(current, edited), now));
            return view(edited, now);
        });
    }

    @Override
    public Issued regenerate(Regenerate command) {
        Instant now = clock.now();
        expiries.forChange(command.expiry(), now);
        expiries.forRegeneration(owned(command.account(), command.id()).expiry(), command.expiry(), now);
        passwords.confirm(command.caller(), command.confirmation().password());
        TokenValue value = TokenValue.generate(randomness);
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(command.account());
            AccessToken old = owned(command.account(), command.id());
            AccessToken renewed = old.regenerate(value, command.expiry(), command.gracePeriod(), expiries, now);
            tokens.replaceValue(renewed, old.digest());
            audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_REGENERATED, Optional.of(renewed.id()),
                    command.gracePeriod().isZero() ? "the old value stopped working"
                            : "the old value works until " + renewed.previous().orElseThrow().worksUntil(), now));
            return issued(renewed, value, now);
        });
    }

    @Override
    public Issued copy(Copy command) {
        Instant now = clock.now();
        expiries.forChange(command.expiry(), now);
        command.policies().check(policyLimits);
        expiries.forCopy(owned(command.account(), command.id()).expiry(), command.expiry(), now);
        limit.allowOneMore(tokens.countOf(command.account()));
        passwords.confirm(command.caller(), command.confirmation().password());
        TokenValue value = TokenValue.generate(randomness);
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(command.account());
            AccessToken original = owned(command.account(), command.id());
            AccessToken copy = original.copy(command.description(), command.expiry(),
                    command.policies().applyTo(original.policies(), policyLimits), value, expiries, now);
            AccessToken added = addWithinLimit(copy);
            audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_COPIED, Optional.of(added.id()),
                    "copied from token " + original.id().value(), now));
            return issued(added, value, now);
        });
    }

    @Override
    public TokenView endGracePeriod(EndGracePeriod command) {
        hasWorkingPreviousValue(owned(command.account(), command.id()), clock.now());
        passwords.confirm(command.caller(), command.confirmation().password());
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(command.account());
            AccessToken token = owned(command.account(), command.id());
            Instant now = clock.now();
            hasWorkingPreviousValue(token, now);
            tokens.endGracePeriod(token.endGracePeriod(), token.previous().get().digest());
            audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_OVERLAP_ENDED, Optional.of(token.id()),
                    "the old value " + token.previous().get().hint().value() + " stopped working", now));
            return view(token.endGracePeriod(), now);
        });
    }

    @Override
    public TokenInfo info(Caller caller) {
        TokenId id = caller.token().orElseThrow(() -> new InvalidInput("session", "GetTokenInfo describes the"
                + " token that calls it: call it with a token, not a session"));
        AccessToken token = owned(caller.account(), id);
        String login = accounts.byId(caller.account()).map(a -> a.login().value()).orElse("");
        return new TokenInfo(TokenView.of(token, clock.now(), policyLimits.warnBefore(),
                audit.usage(caller.account()).getOrDefault(id, TokenUsage.NONE)), login);
    }

    @Override
    public List<TokenView> expiringSoon(AccountId account) {
        Instant now = clock.now();
        return tokens.ofAccount(account).stream()
                .filter(t -> t.expiresWithin(policyLimits.warnBefore(), now))
                .sorted(Comparator.comparing(t -> t.expiry().orElseThrow().end()))
                .map(t -> view(t, now)).toList();
    }

    @Override
    public int remove(Remove command) {
        command.ids().ifPresent(ids -> ids.forEach(id -> owned(command.account(), id)));
        passwords.confirm(command.caller(), command.confirmation().password());
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(command.account());
            // every id is checked before any is removed: a single unknown id leaves all tokens in place
            Set<TokenId> doomed = command.ids().orElseGet(() -> tokens.ofAccount(command.account()).stream()
                    .map(AccessToken::id).collect(Collectors.toSet()));
            Instant now = clock.now();
            List<AccessToken> removed = doomed.stream().map(id -> owned(command.account(), id))
                    .sorted(Comparator.comparingLong(t -> t.id().value())).toList();
            tokens.remove(doomed);
            // one row per token, so each token's own log shows its end
            removed.forEach(t -> audit.record(AuditEvent.of(command.caller(), AuditKind.TOKEN_REMOVED,
                    Optional.of(t.id()), "\"" + t.description().value() + "\"", now)));
            return removed.size();
        });
    }

    @Override
    public List<TokenView> list(AccountId account, Optional<Set<TokenId>> only) {
        Instant now = clock.now();
        Map<TokenId, TokenUsage> usage = audit.usage(account);
        return tokens.ofAccount(account).stream()
                .filter(t -> only.map(ids -> ids.contains(t.id())).orElse(true))
                .sorted(Comparator.comparingLong(t -> t.id().value()))
                .map(t -> TokenView.of(t, now, policyLimits.warnBefore(), usage.getOrDefault(t.id(), TokenUsage.NONE)))
                .toList();
    }

    @Override
    public Set<String> methodsUsed(AccountId account, TokenId id, Duration window) {
        owned(account, id);
        return audit.methodsUsed(id, clock.now().minus(window));
    }

    @Override
    public List<LocalDate> suggestedExpiries() {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        return List.of(today.plusDays(30), today.plusDays(90), today.plusDays(365)).stream()
                .filter(day -> {
                    try {
                        expiries.forNew(Expiry.endOf(day), clock.now());
                        return true;
                    } catch (RuntimeException beyondTheMaximum) {
                        return false;
                    }
                }).toList();
    }

    @Override
    public void checkValues(Optional<ScopeRequest> scope, Optional<Expiry> expiry, PolicyRequest policies) {
        scope.ifPresent(this::scopeOf);
        expiries.forChange(expiry, clock.now());
        policies.check(policyLimits);
    }

    private Issued issued(AccessToken token, TokenValue value, Instant now) {
        return new Issued(view(token, now), value);
    }

    private TokenView view(AccessToken token, Instant now) {
        return TokenView.of(token, now, policyLimits.warnBefore());
    }

    private AccessToken addWithinLimit(AccessToken token) {
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(token.owner());
            limit.allowOneMore(tokens.countOf(token.owner()));
            return tokens.add(token);
        });
    }

    private static void hasWorkingPreviousValue(AccessToken token, Instant now) {
        if (token.previous().filter(p -> p.worksAt(now)).isEmpty()) {
            throw new InvalidInput("id", "token " + token.id().value() + " has no previous value that still"
                    + " works: nothing to end");
        }
    }

    /** The account's token of that id; another account's token is answered exactly as a missing one. */
    private AccessToken owned(AccountId account, TokenId id) {
        return tokens.byId(id).filter(t -> t.isOwnedBy(account)).orElseThrow(() -> new TokenNotFound(id));
    }

    private Scope scopeOf(ScopeRequest request) {
        return catalog.scope(request.apiSet(), request.apiList());
    }
}
