package dev.pat.domain.model.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token may do beyond its methods and expiry: on which environments ({@code envNames}), from where
 * ({@code allowedIps}), how often ({@code rateLimit}, calls a minute) and how long it may sit unused before it stops
 * working ({@code idleDays}). {@link #NONE} is the seed's token: every environment, anywhere, the operator's rate,
 * never idle.
 */
public record TokenPolicies(EnvRestriction envNames, AddressRestriction allowedIps, Optional<Integer> rateLimit,
                            Optional<Integer> idleDays) {
    public static final String RATE_LIMIT = "rateLimit";
    public static final String IDLE_DAYS = "idleDays";
    public static final TokenPolicies NONE = new TokenPolicies(EnvRestriction.EVERY_ENVIRONMENT,
            AddressRestriction.ANYWHERE, Optional.empty(), Optional.empty());

    public TokenPolicies {
        Objects.requireNonNull(envNames, "envNames");
        Objects.requireNonNull(allowedIps, "allowedIps");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(idleDays, "idleDays");
    }

    public TokenPolicies withEnvNames(EnvRestriction restriction) {
        return new TokenPolicies(restriction, allowedIps, rateLimit, idleDays);
    }

    public TokenPolicies withAllowedIps(AddressRestriction restriction) {
        return new TokenPolicies(envNames, restriction, rateLimit, idleDays);
    }

    public TokenPolicies withRateLimit(Optional<Integer> perMinute) {
        return new TokenPolicies(envNames, allowedIps, perMinute, idleDays);
    }

    public TokenPolicies withIdleDays(Optional<Integer> days) {
        return new TokenPolicies(envNames, allowedIps, rateLimit, days);
    }

    /** Whether a token last active at {@code activeAt} has sat unused too long by {@code now}. */
    public boolean idleAt(Instant activeAt, Instant now) {
        return idleDays.isPresent() && !now.isBefore(activeAt.plus(Duration.ofDays(idleDays.get())));
    }
}
