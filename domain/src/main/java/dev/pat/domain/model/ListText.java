package dev.pat.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list as people and scripts type it, for any face: a JSON array, a Python-style list with single quotes, text
 * separated by commas, semicolons or spaces, or the field given several times. Empty items are dropped.
 */
public final class ListText {
    public static final int MAX_ITEMS = 1000;
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    private ListText() {
    }

    /** The items of every value given for the field, in order; refuses an unclosed list and a list too long. */
    public static List<String> items(String field, Collection<String> values) {
        List<String> items = new ArrayList<>();
        for (String raw : values) {
            if (raw == null) {
                continue;
            }
            String text = raw.strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            } else if (text.startsWith("[")) {
                throw new InvalidInput(field, "'" + Texts.clip(text) + "' is an unclosed list");
            }
            for (String item : SEPARATORS.split(text)) {
                String cleaned = unquote(item);
                if (!cleaned.isEmpty()) {
                    items.add(cleaned);
                }
                if (items.size() > MAX_ITEMS) {
                    throw new InvalidInput(field, "lists at most " + MAX_ITEMS + " items");
                }
            }
        }
        return items;
    }

    /** One value typed as a list. */
    public static List<String> items(String field, String value) {
        return items(field, value == null ? List.of() : List.of(value));
    }

    private static String unquote(String item) {
        if (item.length() >= 2 && (item.startsWith("\"") && item.endsWith("\"")
                || item.startsWith("'") && item.endsWith("'"))) {
            return item.substring(1, item.length() - 1).strip();
        }
        return item;
    }
}
