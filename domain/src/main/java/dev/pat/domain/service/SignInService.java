package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.account.SessionKey;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.PasswordHasher;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.port.out.SessionStore;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Sign-in with password (and TOTP when two-factor is on), and sign-out; every guess limited by the throttle. */
public final class SignInService implements SignIn {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordConfirmation passwords;
    private final PasswordHasher hasher;
    private final SecondFactor secondFactor;
    private final AuthorizeCall authorize;
    private final Throttle throttle;
    private final CallLimiter calls;
    private final Clock clock;
    private final Randomness randomness;
    private final AuditTrail audit;
    private volatile Optional<PasswordHash> decoy = Optional.empty();

    SignInService(AccountStore accounts, SessionStore sessions, PasswordConfirmation passwords,
                  PasswordHasher hasher, SecondFactor secondFactor, AuthorizeCall authorize, Throttle throttle,
                  CallLimiter calls, AuditTrail audit, Clock clock, Randomness randomness) {
        this.audit = audit;
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        this.authorize = authorize;
        this.throttle = throttle;
        this.calls = calls;
        this.clock = clock;
        this.randomness = randomness;
    }

    @Override
    public SignedIn signIn(Login login, Password password, ClientAddress address) {
        calls.unauthenticated(address);
        Optional<Account> account = accounts.byLogin(login);
        Optional<AccountId> id = account.map(Account::id);
        Throttle.Attempt attempt;
        try {
            attempt = throttle.begin(login, id, address);
        } catch (TooManyAttempts locked) {
            signInEvent(id, address, "password", "locked");
            throw locked;
        }
        if (account.isEmpty()) {
            // spend the same time as for a real account, so timing does not tell which logins exist
            hasher.verify(decoyHash(), password);
            signInEvent(id, address, "unknown login", "failed");
            throw new SignInFailed();
        }
        if (!passwords.check(account.get(), password)) {
            signInEvent(id, address, "wrong password", "failed");
            throw new SignInFailed();
        }
        throttle.succeeded(attempt);
        SessionKey sessionKey = SessionKey.generate(randomness);
        boolean pending = account.get().hasTwoFactor();
        sessions.add(Session.open(sessionKey, account.get().id(), pending, clock.now()));
        signInEvent(id, address, pending ? "password; two-factor code pending" : "password", AuditEvent.OK);
        return new SignedIn(sessionKey, account.get(), pending);
    }

    private void signInEvent(Optional<AccountId> account, ClientAddress address, String detail, String result) {
        audit.record(new AuditEvent(clock.now(), account, account.isPresent() ? Actor.SESSION : Actor.ANONYMOUS,
                address, AuditKind.SIGNIN, Optional.empty(), Optional.empty(), detail, result, 1));
    }

    @Override
    public void verifyTwoFactor(Credential credential, String code, ClientAddress address) {
        Caller caller = authorize.authorize(credential, ApiCatalog.VERIFY_2FA, address);
        Digest digest = Digest.of(credential.reveal());
        Session session = sessions.byDigest(digest).orElseThrow(
                () -> new NotAuthenticated(NotAuthenticated.Reason.UNKNOWN));
        if (!session.pending()) {
            return;
        }
        Instant now = clock.now();
        Account account = accounts.byId(caller.account()).orElseThrow(
                () -> new NotAuthenticated(NotAuthenticated.Reason.UNKNOWN));
        if (code == null || code.isBlank()) {
            throw new TwoFactorFailed("code: required (the 6 digits your authenticator app shows)");
        }
        if (account.twoFactor().isEmpty()) {
            sessions.update(session.verified());
            return;
        }
        Throttle.Attempt attempt;
        try {
            attempt = throttle.begin(account.login(), Optional.of(account.id()), address);
        } catch (TooManyAttempts locked) {
            signInEvent(Optional.of(account.id()), address, "two-factor code", "locked");
            throw locked;
        }
        OptionalLong step = secondFactor.matchingStep(account.twoFactor().get(), code.trim(), now);
        if (step.isEmpty()) {
            signInEvent(Optional.of(account.id()), address, "wrong two-factor code", "failed");
            throw new TwoFactorFailed("code: wrong two-factor code");
        }
        if (account.acceptTotpStep(step.getAsLong()).isEmpty()
                || !accounts.recordTotpStep(account.id(), step.getAsLong())) {
            signInEvent(Optional.of(account.id()), address, "two-factor code used before", "failed");
            throw new TwoFactorFailed("code: this two-factor code was already used; wait for the next one");
        }
        throttle.succeeded(attempt);
        sessions.update(session.verified());
        signInEvent(Optional.of(account.id()), address, "two-factor code", AuditEvent.OK);
    }

    @Override
    public void signOut(Credential credential, ClientAddress address) {
        Caller caller = authorize.authorize(credential, ApiCatalog.SIGNOUT, address);
        sessions.remove(Digest.of(credential.reveal()));
        audit.record(AuditEvent.of(caller, AuditKind.SIGNOUT, Optional.empty(), "", clock.now()));
    }

    private PasswordHash decoyHash() {
        if (decoy.isEmpty()) {
            decoy = Optional.of(hasher.hash(Password.given("decoy password nobody has")));
        }
        return decoy.get();
    }
}
