package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The moment a token stops working ("Expires At"): it works while the clock is before {@link #end()}, which is
 * exclusive. A date means through the whole of that day, UTC: the end is the next midnight. A date and time means
 * through that whole second. Accepts the public API's {@code yyyy-MM-dd HH:mm:ss} (UTC), {@code yyyy-MM-dd} and
 * the dashboard's {@code dd-mm-yyyy}, for years up to 9999.
 */
public record Expiry(Instant end) {
    public static final String FIELD = "expiresAt";
    private static final int LAST_YEAR = 9999;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final String FORMS = "use dd-mm-yyyy, yyyy-mm-dd or yyyy-mm-dd hh:mm:ss (UTC)";

    public Expiry {
        if (end == null) {
            throw new InvalidInput(FIELD, "required");
        }
        end = end.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Expiry parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(FIELD, "required (dd-mm-yyyy, yyyy-mm-dd or yyyy-mm-dd hh:mm:ss UTC)");
        }
        String trimmed = text.trim();
        if (trimmed.length() > 19) {
            throw new InvalidInput(FIELD, "'" + Texts.clip(trimmed) + "' is not a date: " + FORMS);
        }
        try {
            LocalDateTime moment = LocalDateTime.parse(trimmed, DATE_TIME);
            return new Expiry(inRange(moment.toLocalDate(), trimmed).atTime(moment.toLocalTime())
                    .plusSeconds(1).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDateTime) {
            for (DateTimeFormatter format : DATES) {
                try {
                    return endOf(inRange(LocalDate.parse(trimmed, format), trimmed));
                } catch (DateTimeParseException notThisForm) {
                    // try the next accepted form
                }
            }
        }
        throw new InvalidInput(FIELD, "'" + Texts.clip(trimmed) + "' is not a date: " + FORMS);
    }

    private static LocalDate inRange(LocalDate day, String typed) {
        if (day.getYear() < 1970 || day.getYear() > LAST_YEAR) {
            throw new InvalidInput(FIELD, "'" + Texts.clip(typed) + "' is out of range: years 1970 to " + LAST_YEAR);
        }
        return day;
    }

    /** Valid through the whole of that day, UTC: the end is the next midnight. */
    public static Expiry endOf(LocalDate day) {
        return new Expiry(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public boolean hasPassed(Instant now) {
        return !now.isBefore(end);
    }

    /** The last whole second the token works, as people read an expiry. */
    public Instant lastSecond() {
        return end.minusSeconds(1);
    }

    /** The public API's form of the last second, {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    public String format() {
        return DATE_TIME.format(LocalDateTime.ofInstant(lastSecond(), ZoneOffset.UTC));
    }
}
