package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.NotAuthenticated.Reason;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.UsageRecorder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authorises each API call. A token value is checked for its checksum (no I/O), digested, looked up once (a cache
 * hit, usually), then held to its policies: where it may be used from, its expiry, its idle days, its methods and
 * its rate; its use is noted in memory. No password hashing happens here, and no text is built for a refusal.
 */
public final class AuthorizationService implements AuthorizeCall {
    /** What a session still awaiting its two-factor code may do. */
    private static final Set<ApiMethod> PENDING_MAY_CALL = Set.of(ApiCatalog.VERIFY_2FA, ApiCatalog.SIGNOUT);

    private final TokenStore tokens;
    private final SessionStore sessions;
    private final UsageRecorder usage;
    private final ApiCatalog catalog;
    private final Session.Lifetimes lifetimes;
    private final CallLimiter calls;
    private final PolicyLimits policyLimits;
    private final Clock clock;
    private final Map<ApiMethod, String> notCovered;
    private final AuditTrail audit;

    AuthorizationService(TokenStore tokens, SessionStore sessions, UsageRecorder usage, ApiCatalog catalog,
                         Session.Lifetimes lifetimes, CallLimiter calls, PolicyLimits policyLimits, AuditTrail audit,
                         Clock clock) {
        this.audit = audit;
        this.calls = calls;
        this.policyLimits = policyLimits;
        this.notCovered = notCovered(catalog);
        this.tokens = tokens;
        this.sessions = sessions;
        this.usage = usage;
        this.catalog = catalog;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Override
    public Caller authorize(Credential credential, ApiMethod method, ClientAddress address) {
        try {
            if (credential.isMissing()) {
                throw new NotAuthenticated(Reason.MISSING);
            }
            return credential.looksLikeToken() ? byToken(credential, method, address)
                    : bySession(credential, method, address);
        } catch (NotAuthenticated refused) {
            // a refused credential is an unauthenticated call: the address is over its limit, or told why
            calls.unauthenticated(address);
            throw refused;
        }
    }

    private Caller byToken(Credential credential, ApiMethod method, ClientAddress address) {
        TokenValue value = TokenValue.parse(credential.reveal())
                .orElseThrow(() -> new NotAuthenticated(Reason.MALFORMED));
        Digest digest = value.digest();
        TokenStore.Lookup lookup = tokens.byDigest(digest);
        if (lookup instanceof TokenStore.Retired retired) {
            throw new NotAuthenticated(retired.why() == TokenStore.Retirement.REMOVED
                    ? Reason.REMOVED : Reason.REPLACED);
        }
        if (!(lookup instanceof TokenStore.Found found)) {
            throw new NotAuthenticated(Reason.UNKNOWN);
        }
        AccessToken token = found.token();
        Instant now = clock.now();
        AccessToken.Match match = token.match(digest, now);
        if (match == AccessToken.Match.PREVIOUS_ENDED) {
            throw new NotAuthenticated(Reason.REPLACED);
        }
        if (match == AccessToken.Match.NONE) {
            throw new NotAuthenticated(Reason.UNKNOWN);
        }
        try {
            held(token, match, method, address, now);
        } catch (NotAuthenticated | PermissionDenied | RateLimited refused) {
            audit.noteTokenUse(token.owner(), token.id(), method, address, refusal(refused), now);
            throw refused;
        }
        audit.noteTokenUse(token.owner(), token.id(), method, address, AuditEvent.OK, now);
        if (match == AccessToken.Match.PREVIOUS) {
            usage.notePreviousUsed(token.id(), digest, now);
        }
        usage.noteUsed(token.id(), now);
        return Caller.byToken(token.owner(), token.id(), address, token.policies().envNames(),
                token.expiry().map(Expiry::lastSecond));
    }

    /** Holds a known token to its rules for this call: where from, revocation, expiry, idle days, methods, rate. */
    private void held(AccessToken token, AccessToken.Match match, ApiMethod method, ClientAddress address,
                      Instant now) {
        if (!token.policies().allowedIps().allows(address)) {
            // from elsewhere, a token is worth nothing: counted as a call without valid credentials
            calls.unauthenticated(address);
            throw new PermissionDenied("the token may not be used from your address (its allowedIps rule)");
        }
        if (token.revokedForLeak().isPresent() && match == AccessToken.Match.CURRENT) {
            throw new NotAuthenticated(Reason.REVOKED);
        }
        if (token.hasExpired(now)) {
            throw new NotAuthenticated(Reason.EXPIRED);
        }
        if (token.isIdle(now) && stillIdle(token, now)) {
            throw new NotAuthenticated(Reason.IDLE);
        }
        if (!method.equals(ApiCatalog.GET_TOKEN_INFO)) {
            if (!catalog.isGrantable(method)) {
                throw new PermissionDenied(method.canonical()
                        + " cannot be called with a token; sign in with your password");
            }
            if (!token.scope().covers(method)) {
                throw new PermissionDenied(notCovered.get(method));
            }
        }
        calls.token(token.id(), policyLimits.rateOf(token.policies()));
    }

    /** How a refused use of a known token is counted in the audit trail. */
    private static String refusal(RuntimeException refused) {
        if (refused instanceof NotAuthenticated notAuthenticated) {
            return notAuthenticated.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        return refused instanceof RateLimited ? "rate-limited" : "denied";
    }

    /**
     * A token cached here may not know of its latest uses (noted on other nodes, or not yet written): before it is
     * refused as idle, the store is asked.
     */
    private boolean stillIdle(AccessToken cached, Instant now) {
        return tokens.byId(cached.id()).map(stored -> stored.isIdle(now)).orElse(true);
    }

    /** Why a token may not call a method, and which predefined sets would let it: built once per method. */
    private static Map<ApiMethod, String> notCovered(ApiCatalog catalog) {
        Map<ApiMethod, String> texts = new HashMap<>();
        for (ApiMethodInfo info : catalog.methods()) {
            List<String> sets = catalog.setsContaining(info.method());
            texts.put(info.method(), "the token does not cover " + info.method().canonical() + "; "
                    + (sets.isEmpty() ? "only a Custom list can include it"
                    : (sets.size() == 1 ? "the predefined set " + sets.get(0) + " includes it"
                    : "the predefined sets " + String.join(", ", sets) + " include it")
                    + ", as can a Custom list"));
        }
        return Map.copyOf(texts);
    }

    private Caller bySession(Credential credential, ApiMethod method, ClientAddress address) {
        Digest digest = Digest.of(credential.reveal());
        Session session = sessions.byDigest(digest).orElseThrow(() -> new NotAuthenticated(Reason.UNKNOWN));
        Instant now = clock.now();
        if (session.hasEnded(now, lifetimes)) {
            sessions.remove(digest);
            throw new NotAuthenticated(Reason.SESSION_ENDED);
        }
        if (session.pending() && !PENDING_MAY_CALL.contains(method)) {
            throw new TwoFactorFailed("two-factor code required: call Verify2FACode with the code of your"
                    + " authenticator app first");
        }
        if (session.staleSeenAt(now)) {
            sessions.update(session.seenAt(now));
        }
        return Caller.bySession(session.account(), address);
    }
}
