package dev.pat.app.metrics;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AuthorizeCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pat.verifications}: every credential the hot path checks, counted by what it was (token, session, none)
 * and how it ended (ok, expired, removed, regenerated, out-of-scope, malformed, unknown, …). The counters are made
 * once; counting is an increment.
 */
public final class MeteredAuthorizeCall implements AuthorizeCall {
    /** How a verification ended, as the {@code outcome} tag says it. */
    enum Outcome {
        OK, MALFORMED, UNKNOWN, EXPIRED, IDLE, REMOVED, REGENERATED, REVOKED, SESSION_ENDED, MISSING, OUT_OF_SCOPE,
        RATE_LIMITED, TWO_FACTOR_PENDING;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final AuthorizeCall core;
    private final Map<Outcome, Counter> tokens = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> sessions = new EnumMap<>(Outcome.class);

    public MeteredAuthorizeCall(AuthorizeCall core, MeterRegistry registry) {
        this.core = core;
        for (Outcome outcome : Outcome.values()) {
            tokens.put(outcome, counter(registry, "token", outcome));
            sessions.put(outcome, counter(registry, outcome == Outcome.MISSING ? "none" : "session", outcome));
        }
    }

    private static Counter counter(MeterRegistry registry, String credential, Outcome outcome) {
        return Counter.builder("pat.verifications").description("Credentials checked on the hot path, by outcome")
                .tag("credential", credential).tag("outcome", outcome.tag()).register(registry);
    }

    @Override
    public Caller authorize(Credential credential, ApiMethod method, ClientAddress address) {
        Map<Outcome, Counter> counters = credential.looksLikeToken() ? tokens : sessions;
        try {
            Caller caller = core.authorize(credential, method, address);
            counters.get(Outcome.OK).increment();
            return caller;
        } catch (NotAuthenticated refused) {
            counters.get(outcome(refused.reason())).increment();
            throw refused;
        } catch (PermissionDenied refused) {
            counters.get(Outcome.OUT_OF_SCOPE).increment();
            throw refused;
        } catch (RateLimited refused) {
            counters.get(Outcome.RATE_LIMITED).increment();
            throw refused;
        } catch (TwoFactorFailed refused) {
            counters.get(Outcome.TWO_FACTOR_PENDING).increment();
            throw refused;
        }
    }

    private static Outcome outcome(NotAuthenticated.Reason reason) {
        return switch (reason) {
            case MISSING -> Outcome.MISSING;
            case MALFORMED -> Outcome.MALFORMED;
            case UNKNOWN -> Outcome.UNKNOWN;
            case EXPIRED -> Outcome.EXPIRED;
            case IDLE -> Outcome.IDLE;
            case REMOVED -> Outcome.REMOVED;
            case REVOKED -> Outcome.REVOKED;
            case REPLACED -> Outcome.REGENERATED;
            case SESSION_ENDED -> Outcome.SESSION_ENDED;
        };
    }
}
