package dev.pat.domain.model.audit;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;
import dev.pat.domain.model.token.TokenId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which audit events to read: of some tokens, in a time range, of one kind; newest first, a page at a time.
 *
 * @param within   only the events of this last stretch of time ({@code 30d}), counted from when it is asked
 * @param limit    how many at most (1 to {@value #MAX_LIMIT})
 * @param startRow how many of the newest to skip, for the next page
 */
public record AuditQuery(Optional<Set<TokenId>> tokens, Optional<Instant> from, Optional<Instant> to,
                         Optional<Duration> within, Optional<AuditKind> kind, int limit, int startRow) {
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([dhm])");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    public static final AuditQuery NEWEST = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), DEFAULT_LIMIT, 0);

    public AuditQuery {
        tokens = tokens.map(Set::copyOf);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", limit + " is out of range: 1 to " + MAX_LIMIT);
        }
        if (startRow < 0) {
            throw new InvalidInput("startRow", "must not be negative");
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidInput("to", "is before from");
        }
    }

    /**
     * The query as a caller typed it, every part optional: token ids as a list, {@code from} and {@code to} as
     * {@code yyyy-mm-dd}, {@code dd-mm-yyyy} (from the start, to the end of that day, UTC) or
     * {@code yyyy-mm-dd hh:mm:ss}, a kind by name, a limit and a start row; each wrong part is refused naming it.
     */
    public static AuditQuery parse(List<String> ids, Optional<String> from, Optional<String> to,
                                   Optional<String> kind, Optional<String> limit, Optional<String> startRow) {
        Optional<Set<TokenId>> tokens = ids.isEmpty() ? Optional.empty() : Optional.of(TokenId.parseAll("ids", ids));
        Optional<AuditKind> wanted = kind.map(String::strip).filter(k -> !k.isEmpty()).map(k -> AuditKind.of(k)
                .orElseThrow(() -> new InvalidInput("kind", "'" + Texts.clip(k) + "' is not a kind of event; kinds: "
                        + AuditKind.names())));
        Optional<String> since = from.map(String::strip).filter(f -> !f.isEmpty());
        Optional<Duration> within = since.flatMap(AuditQuery::relative);
        return new AuditQuery(tokens, since.filter(f -> within.isEmpty()).map(f -> time("from", f, false)),
                to.map(t -> time("to", t, true)), within, wanted, number("limit", limit).orElse(DEFAULT_LIMIT),
                number("startRow", startRow).orElse(0));
    }

    /** A stretch of time back from now: {@code 30d}, {@code 12h}, {@code 90m}. */
    public static Optional<Duration> relative(String text) {
        Matcher matcher = RELATIVE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        });
    }

    /** The query with a stretch back from {@code now} turned into its start. */
    public AuditQuery at(Instant now) {
        if (within.isEmpty()) {
            return this;
        }
        Instant start = now.minus(within.get());
        return new AuditQuery(tokens, Optional.of(from.filter(f -> f.isAfter(start)).orElse(start)), to,
                Optional.empty(), kind, limit, startRow);
    }

    private static Instant time(String field, String text, boolean endOfDay) {
        String value = text.strip();
        try {
            if (value.length() > 10) {
                return LocalDateTime.parse(value.replace('T', ' '), DATE_TIME).toInstant(ZoneOffset.UTC);
            }
            LocalDate day = value.matches("\\d{2}-\\d{2}-\\d{4}") ? LocalDate.parse(value, DAY_FIRST)
                    : LocalDate.parse(value);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "'" + Texts.clip(value) + "' is not a date: use yyyy-mm-dd, dd-mm-yyyy,"
                    + " yyyy-mm-dd hh:mm:ss (UTC)" + (field.equals("from") ? ", or a time back such as 30d, 12h" : ""));
        }
    }

    private static Optional<Integer> number(String field, Optional<String> text) {
        Optional<String> given = text.map(String::strip).filter(t -> !t.isEmpty());
        if (given.isPresent() && !given.get().matches("\\d{1,9}")) {
            throw new InvalidInput(field, "'" + Texts.clip(given.get()) + "' is not a whole number");
        }
        return given.map(Integer::parseInt);
    }

    public AuditQuery ofTokens(Set<TokenId> ids) {
        return new AuditQuery(Optional.of(ids), from, to, within, kind, limit, startRow);
    }

    public AuditQuery since(Instant when) {
        return new AuditQuery(tokens, Optional.of(when), to, within, kind, limit, startRow);
    }
}
