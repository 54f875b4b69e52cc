package dev.pat.domain.model.catalog;

import dev.pat.domain.model.Texts;

import java.util.Locale;

/**
 * One platform API method, by its canonical name {@code service.Group.Method}. A value (equal by its three names),
 * not a record: every API call looks its method up in several sets and maps and names it in the audit trail, the
 * access log and the metrics, so the canonical name and the hash are computed once, when it is made.
 */
public final class ApiMethod {
    private final String service;
    private final String group;
    private final String method;
    private final String canonical;
    private final int hash;

    public ApiMethod(String service, String group, String method) {
        if (service == null || group == null || method == null
                || service.isBlank() || group.isBlank() || method.isBlank()) {
            throw new IllegalArgumentException("an API method has a service, a group and a name");
        }
        this.service = service;
        this.group = group;
        this.method = method;
        this.canonical = service + "." + group + "." + method;
        this.hash = canonical.hashCode();
    }

    /** Parses {@code service.Group.Method}; the catalog decides whether it exists. */
    public static ApiMethod parse(String canonical) {
        String[] parts = canonical.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not service.Group.Method: " + Texts.clip(canonical));
        }
        return new ApiMethod(parts[0], parts[1], parts[2]);
    }

    public String service() {
        return service;
    }

    public String group() {
        return group;
    }

    public String method() {
        return method;
    }

    public String canonical() {
        return canonical;
    }

    /** Names are matched case-insensitively. */
    public String key() {
        return canonical().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ApiMethod that && hash == that.hash
                && service.equals(that.service) && group.equals(that.group) && method.equals(that.method);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
