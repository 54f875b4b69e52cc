package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The moment a token stops working ("Expires At"): valid through {@link #at()}, expired after it.
 * Accepts the public API's {@code yyyy-MM-dd HH:mm:ss} (UTC), {@code yyyy-MM-dd} and the dashboard's
 * {@code dd-mm-yyyy}; a bare date means valid through the end of that day, UTC.
 */
public record Expiry(Instant at) {
    public static final String FIELD = "expiresAt";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT));

    public Expiry {
        if (at == null) {
            throw new InvalidInput(FIELD, "required");
        }
        at = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Expiry parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(FIELD, "required (dd-mm-yyyy, yyyy-mm-dd or yyyy-mm-dd hh:mm:ss UTC)");
        }
        String trimmed = text.trim();
        try {
            return new Expiry(LocalDateTime.parse(trimmed, DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDateTime) {
            for (DateTimeFormatter format : DATES) {
                try {
                    return endOf(LocalDate.parse(trimmed, format));
                } catch (DateTimeParseException notThisForm) {
                    // try the next accepted form
                }
            }
        }
        throw new InvalidInput(FIELD, "'" + Texts.clip(trimmed)
                + "' is not a date: use dd-mm-yyyy, yyyy-mm-dd or yyyy-mm-dd hh:mm:ss (UTC)");
    }

    /** Valid through the last second of that day, UTC. */
    public static Expiry endOf(LocalDate day) {
        return new Expiry(day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC));
    }

    public boolean hasPassed(Instant now) {
        return now.isAfter(at);
    }

    /** The public API's form, {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    public String format() {
        return DATE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
