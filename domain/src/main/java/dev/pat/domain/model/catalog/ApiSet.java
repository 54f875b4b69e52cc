package dev.pat.domain.model.catalog;

import java.util.List;
import java.util.Locale;

/** A predefined set of API methods a token can be given at once ("API" in the dashboard). */
public record ApiSet(String id, String name, List<ApiMethod> methods) {
    public static final String CUSTOM = "Custom";

    public ApiSet {
        methods = List.copyOf(methods);
    }

    /** Whether a caller's text names this set: by id or by name, ignoring case, spaces, '-' and '_'. */
    public boolean isNamedBy(String text) {
        String wanted = normalize(text);
        return normalize(id).equals(wanted) || normalize(name).equals(wanted);
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
