package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;

import java.time.Duration;
import java.util.Optional;

/**
 * The operator's bounds on token policies: the rate a token gets when it asks for none and the most it may ask
 * for, the idle days a new token gets when it asks for none, how long a replaced value may keep working, and how
 * early a coming expiry is announced.
 *
 * @param defaultRateLimit calls a minute of a token that sets none (at most {@code maxRateLimit})
 * @param maxRateLimit     the most calls a minute any token may make
 * @param defaultIdleDays  the idle days given to a new token that sets none; empty: tokens never go idle by default
 * @param warnBefore       how long before its expiry a token is marked as expiring soon
 */
public record PolicyLimits(int defaultRateLimit, int maxRateLimit, Optional<Integer> defaultIdleDays,
                           Duration warnBefore) {
    /** The longest a regenerated token's old value may keep working: a day, in minutes. */
    public static final int MAX_GRACE_MINUTES = 24 * 60;
    public static final int MAX_IDLE_DAYS = 3_650;
    public static final String GRACE_PERIOD = "gracePeriod";
    public static final PolicyLimits STANDARD = new PolicyLimits(6_000, 6_000, Optional.empty(), Duration.ofDays(7));

    public PolicyLimits {
        if (maxRateLimit < 1 || defaultRateLimit < 1 || defaultRateLimit > maxRateLimit) {
            throw new IllegalArgumentException("rate limits: 1 <= default <= maximum");
        }
        if (defaultIdleDays.isPresent() && (defaultIdleDays.get() < 1 || defaultIdleDays.get() > MAX_IDLE_DAYS)) {
            throw new IllegalArgumentException("default idle days: 1 to " + MAX_IDLE_DAYS);
        }
        if (warnBefore.isNegative()) {
            throw new IllegalArgumentException("warnBefore must not be negative");
        }
    }

    /** A token's own limit, checked: 0 means "the operator's default". */
    public Optional<Integer> rateLimit(int perMinute) {
        if (perMinute < 0 || perMinute > maxRateLimit) {
            throw new InvalidInput(TokenPolicies.RATE_LIMIT, perMinute + " is out of range: 1 to " + maxRateLimit
                    + " calls a minute, or 0 for the default (" + defaultRateLimit + ")");
        }
        return perMinute == 0 ? Optional.empty() : Optional.of(perMinute);
    }

    /** A token's idle days, checked: 0 means "never idle". */
    public Optional<Integer> idleDays(int days) {
        if (days < 0 || days > MAX_IDLE_DAYS) {
            throw new InvalidInput(TokenPolicies.IDLE_DAYS, days + " is out of range: 1 to " + MAX_IDLE_DAYS
                    + " days, or 0 for never");
        }
        return days == 0 ? Optional.empty() : Optional.of(days);
    }

    /** The calls a minute the token may make. */
    public int rateOf(TokenPolicies policies) {
        return Math.min(policies.rateLimit().orElse(defaultRateLimit), maxRateLimit);
    }

    /** How long a replaced value keeps working, checked: 0 (the seed: it dies at once) to a day, in minutes. */
    public static Duration gracePeriod(int minutes) {
        if (minutes < 0 || minutes > MAX_GRACE_MINUTES) {
            throw new InvalidInput(GRACE_PERIOD, minutes + " is out of range: 0 to " + MAX_GRACE_MINUTES
                    + " minutes (a day)");
        }
        return Duration.ofMinutes(minutes);
    }
}
