package dev.pat.domain.model.catalog;

import dev.pat.domain.model.Texts;

import java.util.Locale;

/** One platform API method, by its canonical name {@code service.Group.Method}. */
public record ApiMethod(String service, String group, String method) {
    public ApiMethod {
        if (service == null || group == null || method == null
                || service.isBlank() || group.isBlank() || method.isBlank()) {
            throw new IllegalArgumentException("an API method has a service, a group and a name");
        }
    }

    /** Parses {@code service.Group.Method}; the catalog decides whether it exists. */
    public static ApiMethod parse(String canonical) {
        String[] parts = canonical.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not service.Group.Method: " + Texts.clip(canonical));
        }
        return new ApiMethod(parts[0], parts[1], parts[2]);
    }

    public String canonical() {
        return service + "." + group + "." + method;
    }

    /** Names are matched case-insensitively. */
    public String key() {
        return canonical().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
