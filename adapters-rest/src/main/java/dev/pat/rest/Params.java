package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one call, from the query string and the form (or flat JSON) body, merged. Lenient as the
 * public platform's clients need: an empty value means absent, lists come in any of their usual spellings.
 */
final class Params {
    static final int MAX_LIST_ITEMS = 1000;

    private final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            List<String> present = list.stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!present.isEmpty()) {
                kept.put(key, present);
            }
        });
        this.values = kept;
    }

    Optional<String> optional(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidInput(name, "required"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A list parameter: a JSON array, a Python-style list with single quotes, comma- or semicolon-separated
     * text, or the same key repeated. Empty if absent.
     */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String raw : values.getOrDefault(name, List.of())) {
            String text = raw.trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            } else if (text.startsWith("[")) {
                throw new InvalidInput(name, "'" + Texts.clip(text) + "' is an unclosed list");
            }
            for (String item : text.split("[,;]")) {
                String cleaned = unquote(item.trim());
                if (!cleaned.isEmpty()) {
                    items.add(cleaned);
                }
                if (items.size() > MAX_LIST_ITEMS) {
                    throw new InvalidInput(name, "lists at most " + MAX_LIST_ITEMS + " items");
                }
            }
        }
        return items;
    }

    private static String unquote(String item) {
        if (item.length() >= 2 && (item.startsWith("\"") && item.endsWith("\"")
                || item.startsWith("'") && item.endsWith("'"))) {
            return item.substring(1, item.length() - 1).trim();
        }
        return item;
    }
}
