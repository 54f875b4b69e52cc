package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.TokenView;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.PasswordHasher;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The operator's use cases: accounts, passwords, two-factor, and revoking any token. */
public final class AccountAdministration implements AdministerAccounts {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final SecondFactor secondFactor;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration warnBefore;
    private final AuditTrail audit;
    private final LeakResponse leaks;

    AccountAdministration(AccountStore accounts, SessionStore sessions, TokenStore tokens, PasswordHasher hasher,
                          SecondFactor secondFactor, Transactions transactions, AuditTrail audit,
                          LeakResponse leaks, Clock clock, Duration warnBefore) {
        this.audit = audit;
        this.leaks = leaks;
        this.warnBefore = warnBefore;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Account createAccount(Login login, DisplayName name, Password password) {
        Account draft = Account.open(login, name, hasher.hash(password), clock.now());
        return transactions.inTransaction(() -> {
            if (accounts.byLogin(login).isPresent()) {
                throw new InvalidInput("login", login.value() + " already has an account");
            }
            return accounts.add(draft);
        });
    }

    @Override
    public Optional<Account> account(Login login) {
        return accounts.byLogin(login);
    }

    @Override
    public List<Account> accounts() {
        return accounts.all().stream().sorted(Comparator.comparingLong(a -> a.id().value())).toList();
    }

    @Override
    public void changePassword(Login login, Password newPassword) {
        var hash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            Account account = existing(login);
            accounts.changePasswordHash(account.id(), hash);
            sessions.removeAllOf(account.id());
            byOperator(account.id(), AuditKind.PASSWORD, Optional.empty(), "changed; every session ended");
        });
    }

    @Override
    public TwoFactorEnrolment beginTwoFactor(Login login) {
        Account account = existing(login);
        TotpSecret secret = secondFactor.newSecret();
        return new TwoFactorEnrolment(secret, secondFactor.provisioningUri(secret, account.login().value()));
    }

    @Override
    public void enableTwoFactor(Login login, TotpSecret secret, String code) {
        OptionalLong step = code == null ? OptionalLong.empty() : secondFactor.matchingStep(secret, code.trim(),
                clock.now());
        if (step.isEmpty()) {
            throw new TwoFactorFailed("code: wrong two-factor code; two-factor authentication stays off");
        }
        transactions.inTransaction(() -> {
            AccountId account = existing(login).id();
            accounts.changeTwoFactor(account, Optional.of(secret), step.getAsLong());
            byOperator(account, AuditKind.TWO_FACTOR, Optional.empty(), "enabled");
        });
    }

    @Override
    public void disableTwoFactor(Login login) {
        transactions.inTransaction(() -> {
            AccountId account = existing(login).id();
            accounts.changeTwoFactor(account, Optional.empty(), 0);
            byOperator(account, AuditKind.TWO_FACTOR, Optional.empty(), "disabled");
        });
    }

    @Override
    public List<OwnedToken> allTokens() {
        Instant now = clock.now();
        Map<AccountId, String> logins = new HashMap<>();
        accounts.all().forEach(a -> logins.put(a.id(), a.login().value()));
        return tokens.all().stream().sorted(Comparator.comparingLong(t -> t.id().value()))
                .map(t -> new OwnedToken(t.owner().value(), logins.getOrDefault(t.owner(), "?"),
                        TokenView.of(t, now, warnBefore))).toList();
    }

    @Override
    public void removeToken(TokenId id) {
        transactions.inTransaction(() -> {
            AccessToken token = tokens.byId(id).orElseThrow(() -> new TokenNotFound(id));
            tokens.lockTokensOf(token.owner());
            tokens.remove(List.of(id));
            byOperator(token.owner(), AuditKind.TOKEN_REMOVED_BY_OPERATOR, Optional.of(id),
                    "\"" + token.description().value() + "\"");
        });
    }

    @Override
    public List<AuditEvent> audit(Optional<Login> login, AuditQuery query) {
        return audit.events(login.map(l -> existing(l).id()), query.at(clock.now()));
    }

    @Override
    public int revokeLeaked(List<String> values) {
        return leaks.revoke(values, Actor.OPERATOR, ClientAddress.LOCAL);
    }

    private void byOperator(AccountId account, AuditKind kind, Optional<TokenId> token, String detail) {
        audit.record(new AuditEvent(clock.now(), Optional.of(account), Actor.OPERATOR, ClientAddress.LOCAL, kind,
                token, Optional.empty(), detail, AuditEvent.OK, 1));
    }

    private Account existing(Login login) {
        return accounts.byLogin(login).orElseThrow(() -> new InvalidInput("login", "no account " + login.value()));
    }
}
