package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;
import dev.pat.domain.model.environment.EnvName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The environments a token may act on ({@code envNames}): environment names and {@code prefix-*} patterns; none means
 * every environment of the account, the seed's behaviour. An environment outside the restriction does not exist for
 * the token. A pattern covers environments created later; removing an environment widens nothing.
 */
public record EnvRestriction(List<String> patterns) {
    public static final String FIELD = "envNames";
    public static final EnvRestriction EVERY_ENVIRONMENT = new EnvRestriction(List.of());
    /** How many names and patterns one token may carry. */
    public static final int MAX_PATTERNS = 100;
    private static final Pattern PREFIX = Pattern.compile("^[a-z][a-z0-9-]{0,38}$");

    public EnvRestriction {
        patterns = List.copyOf(patterns);
    }

    /**
     * The restriction asked for, each item a name or a {@code prefix*} pattern, compared case-insensitively; a lone
     * {@code *} (or nothing) means every environment.
     */
    public static EnvRestriction parse(List<String> items) {
        if (items.size() == 1 && items.get(0).strip().equals("*")) {
            return EVERY_ENVIRONMENT;
        }
        if (items.size() > MAX_PATTERNS) {
            throw new InvalidInput(FIELD, "names " + items.size() + " environments or patterns; at most "
                    + MAX_PATTERNS);
        }
        LinkedHashSet<String> patterns = new LinkedHashSet<>();
        for (String item : items) {
            String text = item.strip().toLowerCase(Locale.ROOT);
            if (text.endsWith("*")) {
                String prefix = text.substring(0, text.length() - 1);
                if (!PREFIX.matcher(prefix).matches()) {
                    throw new InvalidInput(FIELD, "'" + Texts.clip(item) + "' is not a pattern: a pattern is the"
                            + " beginning of an environment name followed by *, as in shop-*");
                }
            } else {
                try {
                    new EnvName(text);
                } catch (InvalidInput notAName) {
                    throw new InvalidInput(FIELD, "'" + Texts.clip(item) + "' is neither an environment name nor"
                            + " a pattern such as shop-*");
                }
            }
            patterns.add(text);
        }
        return new EnvRestriction(List.copyOf(patterns));
    }

    /** Whether the token may act on the environment of that name: a few string comparisons, no I/O. */
    public boolean allows(EnvName name) {
        if (patterns.isEmpty()) {
            return true;
        }
        String value = name.value();
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                    : value.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every environment of the account is open to the token. */
    public boolean isEveryEnvironment() {
        return patterns.isEmpty();
    }
}
