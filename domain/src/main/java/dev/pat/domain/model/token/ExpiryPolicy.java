package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The rules of Expires At. A new or changed expiry must lie ahead, since a token must work when it is issued, and
 * not beyond the operator's maximum lifetime, if one is set. A token given no date expires at the end of the day
 * that lifetime ends in (or never, when the operator sets none). Regenerating or copying keeps the expiry unless a
 * new one is given; an expired token needs a new one, or its new value would be dead on arrival.
 */
public record ExpiryPolicy(Optional<Duration> maxLifetime) {
    public static final ExpiryPolicy UNLIMITED = new ExpiryPolicy(Optional.empty());

    public ExpiryPolicy {
        if (maxLifetime.isPresent() && (maxLifetime.get().isNegative() || maxLifetime.get().isZero())) {
            throw new IllegalArgumentException("a maximum token lifetime must be positive");
        }
    }

    /** The expiry asked for a new token, or for a token whose expiry is being changed. */
    public Expiry forNew(Expiry asked, Instant now) {
        if (asked.hasPassed(now)) {
            throw new InvalidInput(Expiry.FIELD, asked.format() + " is in the past");
        }
        // the longest lifetime reaches through the whole day it ends in, as dates are chosen by the day
        maxLifetime.map(max -> now.plus(max).truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS))
                .filter(latest -> asked.end().isAfter(latest)).ifPresent(latest -> {
            throw new InvalidInput(Expiry.FIELD, asked.format() + " is beyond the longest lifetime allowed ("
                    + maxLifetime.get().toDays() + " days)");
        });
        return asked;
    }

    /** The expiry of a new token: the one asked, checked; or, without one, the longest lifetime's (if any). */
    public Optional<Expiry> forNew(Optional<Expiry> asked, Instant now) {
        if (asked.isPresent()) {
            return Optional.of(forNew(asked.get(), now));
        }
        return maxLifetime.map(max -> Expiry.endOf(LocalDate.ofInstant(now.plus(max), ZoneOffset.UTC)));
    }

    /** A changed expiry, if one is asked. */
    public Optional<Expiry> forChange(Optional<Expiry> asked, Instant now) {
        return asked.map(e -> forNew(e, now));
    }

    /** The expiry a regenerated token keeps, or the new one asked. */
    public Optional<Expiry> forRegeneration(Optional<Expiry> current, Optional<Expiry> asked, Instant now) {
        return keptOrNew(current, asked, now, "the token expired at %s UTC; give a new expiry date to regenerate it");
    }

    /** The expiry of a copy: the original's, or the new one asked. */
    public Optional<Expiry> forCopy(Optional<Expiry> original, Optional<Expiry> asked, Instant now) {
        return keptOrNew(original, asked, now, "the original expired at %s UTC; give the copy a new expiry date");
    }

    private Optional<Expiry> keptOrNew(Optional<Expiry> kept, Optional<Expiry> asked, Instant now,
                                       String whenPassed) {
        if (asked.isPresent()) {
            return Optional.of(forNew(asked.get(), now));
        }
        if (kept.isPresent() && kept.get().hasPassed(now)) {
            throw new InvalidInput(Expiry.FIELD, whenPassed.formatted(kept.get().format()));
        }
        return kept;
    }
}
