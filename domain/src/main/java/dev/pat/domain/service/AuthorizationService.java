package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.NotAuthenticated.Reason;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.UsageRecorder;

import java.time.Instant;
import java.util.Set;

/**
 * Authorises each API call. A token value is checked for its checksum (no I/O), digested, looked up once,
 * then checked for expiry and scope; its use is noted in memory. No password hashing happens here.
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
    private final Clock clock;

    public AuthorizationService(TokenStore tokens, SessionStore sessions, UsageRecorder usage, ApiCatalog catalog,
                                Session.Lifetimes lifetimes, CallLimiter calls, Clock clock) {
        this.calls = calls;
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
        TokenStore.Lookup lookup = tokens.byDigest(value.digest());
        if (lookup instanceof TokenStore.Retired retired) {
            throw new NotAuthenticated(retired.why() == TokenStore.Retirement.REMOVED
                    ? Reason.REMOVED : Reason.REPLACED);
        }
        if (!(lookup instanceof TokenStore.Found found)) {
            throw new NotAuthenticated(Reason.UNKNOWN);
        }
        AccessToken token = found.token();
        Instant now = clock.now();
        if (token.hasExpired(now)) {
            throw new NotAuthenticated(Reason.EXPIRED);
        }
        if (!catalog.isGrantable(method)) {
            throw new PermissionDenied(method.canonical()
                    + " cannot be called with a token; sign in with your password");
        }
        if (!token.scope().covers(method)) {
            throw new PermissionDenied("the token does not cover " + method.canonical());
        }
        calls.token(token.id(), calls.perToken());
        usage.noteUsed(token.id(), now);
        return Caller.byToken(token.owner(), token.id(), address);
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
