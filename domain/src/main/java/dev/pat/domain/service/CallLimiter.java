package dev.pat.domain.service;

import dev.pat.domain.model.CallLimits;
import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.out.CallCounter;
import dev.pat.domain.port.out.Clock;

import java.time.Duration;
import java.time.Instant;

/** Applies the {@link CallLimits}, counting with the shared {@link CallCounter}: a map lookup, never I/O. */
final class CallLimiter {
    private final CallCounter counter;
    private final CallLimits limits;
    private final Clock clock;

    CallLimiter(CallCounter counter, CallLimits limits, Clock clock) {
        this.counter = counter;
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts a call that did not (or could not yet) authenticate; refuses the address over its limit. */
    void unauthenticated(ClientAddress address) {
        limit("unauthenticated:" + address.value(), limits.unauthenticatedPerAddress(),
                "too many calls without valid credentials from your address");
    }

    /** Counts a leak report from the address; refuses it over {@code perMinute}. */
    void leakReports(ClientAddress address, int perMinute) {
        limit("leaks:" + address.value(), perMinute, "too many leak reports from your address");
    }

    /** Counts a call with the token; refuses it over the token's limit. */
    void token(TokenId token, int perMinute) {
        limit("token:" + token.value(), Math.min(perMinute, limits.perToken()), "too many calls with this token");
    }

    int perToken() {
        return limits.perToken();
    }

    private void limit(String key, int perMinute, String what) {
        Instant now = clock.now();
        if (counter.count(key, now) > perMinute) {
            throw new RateLimited(what + " (at most " + perMinute + " a minute)",
                    Duration.ofSeconds(60 - Math.floorMod(now.getEpochSecond(), 60)));
        }
    }
}
