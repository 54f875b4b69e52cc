package dev.pat.domain.service;

import dev.pat.domain.model.CallLimits;
import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenLimit;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.AuditLog;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ReportLeaks;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.CallCounter;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.PasswordHasher;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;

/** The core assembled from its outgoing ports: every use case, wired once, for any composition root. */
public final class Platform {

    /** Everything the core needs from the outside. */
    public record Ports(AccountStore accounts, SessionStore sessions, TokenStore tokens,
                        EnvironmentStore environments, UsageRecorder usage, Transactions transactions,
                        AttemptCounters attempts, CallCounter calls, AuditTrail audit, PasswordHasher hasher,
                        SecondFactor secondFactor, Clock clock, Randomness randomness) {
    }

    private final AuthorizeCall authorize;
    private final SignIn signIn;
    private final ManageTokens tokens;
    private final ManageEnvironments environments;
    private final AdministerAccounts administration;
    private final AuditLog audit;
    private final ReportLeaks leaks;

    /**
     * The rules an operator may tune: how long sessions live, how guesses are slowed down, how many calls a
     * minute, how many tokens an account holds, and for how long.
     */
    public record Policies(Session.Lifetimes lifetimes, AttemptPolicy attempts, CallLimits calls,
                           TokenLimit tokenLimit, ExpiryPolicy expiries, PolicyLimits tokenPolicies) {
        public static final Policies STANDARD = new Policies(Session.Lifetimes.DEFAULT, AttemptPolicy.STANDARD,
                CallLimits.STANDARD, TokenLimit.STANDARD, ExpiryPolicy.UNLIMITED, PolicyLimits.STANDARD);

        public Policies with(AttemptPolicy attempts) {
            return new Policies(lifetimes, attempts, calls, tokenLimit, expiries, tokenPolicies);
        }

        public Policies with(CallLimits calls) {
            return new Policies(lifetimes, attempts, calls, tokenLimit, expiries, tokenPolicies);
        }

        public Policies with(TokenLimit tokenLimit) {
            return new Policies(lifetimes, attempts, calls, tokenLimit, expiries, tokenPolicies);
        }

        public Policies with(ExpiryPolicy expiries) {
            return new Policies(lifetimes, attempts, calls, tokenLimit, expiries, tokenPolicies);
        }

        public Policies with(PolicyLimits tokenPolicies) {
            return new Policies(lifetimes, attempts, calls, tokenLimit, expiries, tokenPolicies);
        }
    }

    public Platform(Ports ports, Policies policies) {
        Session.Lifetimes lifetimes = policies.lifetimes();
        Throttle throttle = new Throttle(ports.attempts(), policies.attempts(), ports.clock());
        CallLimiter calls = new CallLimiter(ports.calls(), policies.calls(), ports.clock());
        ApiCatalog catalog = ApiCatalog.platform();
        PasswordConfirmation passwords = new PasswordConfirmation(ports.accounts(), ports.hasher(), throttle);
        this.authorize = new AuthorizationService(ports.tokens(), ports.sessions(), ports.usage(), catalog,
                lifetimes, calls, policies.tokenPolicies(), ports.audit(), ports.clock());
        this.signIn = new SignInService(ports.accounts(), ports.sessions(), passwords, ports.hasher(),
                ports.secondFactor(), authorize, throttle, calls, ports.audit(), ports.clock(), ports.randomness());
        this.tokens = new TokenService(ports.tokens(), passwords, ports.transactions(), catalog, policies.tokenLimit(),
                policies.expiries(), policies.tokenPolicies(), ports.accounts(), ports.audit(), ports.clock(),
                ports.randomness());
        LeakResponse leakResponse = new LeakResponse(ports.tokens(), ports.transactions(), ports.audit(), calls,
                ports.clock());
        this.leaks = leakResponse;
        this.audit = (account, query) -> ports.audit().events(java.util.Optional.of(account),
                query.at(ports.clock().now()));
        this.environments = new EnvironmentService(ports.environments(), passwords, ports.transactions(),
                ports.clock(), ports.randomness());
        this.administration = new AccountAdministration(ports.accounts(), ports.sessions(), ports.tokens(),
                ports.hasher(), ports.secondFactor(), ports.transactions(), ports.audit(), leakResponse,
                ports.clock(), policies.tokenPolicies().warnBefore());
    }

    public AuthorizeCall authorize() {
        return authorize;
    }

    public SignIn signIn() {
        return signIn;
    }

    public ManageTokens tokens() {
        return tokens;
    }

    public ManageEnvironments environments() {
        return environments;
    }

    public AdministerAccounts administration() {
        return administration;
    }

    public AuditLog audit() {
        return audit;
    }

    public ReportLeaks leaks() {
        return leaks;
    }
}
