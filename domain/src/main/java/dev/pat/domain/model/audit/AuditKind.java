package dev.pat.domain.model.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an audit event records, by the name the API and the shell show and filter on. */
public enum AuditKind {
    SIGNIN("signin"),
    SIGNOUT("signout"),
    TWO_FACTOR("two-factor"),
    PASSWORD("password"),
    TOKEN_GENERATED("token-generated"),
    TOKEN_EDITED("token-edited"),
    TOKEN_REGENERATED("token-regenerated"),
    TOKEN_COPIED("token-copied"),
    TOKEN_REMOVED("token-removed"),
    TOKEN_REMOVED_BY_OPERATOR("token-removed-by-operator"),
    TOKEN_OVERLAP_ENDED("token-overlap-ended"),
    TOKEN_REVOKED_FOR_LEAK("token-revoked-for-leak"),
    /** Calls made with a token, counted per token, method, address, result and minute. */
    TOKEN_USE("token-use");

    private final String code;

    AuditKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditKind> of(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
    }

    /** Every kind's name, for an error that lists them. */
    public static String names() {
        return Arrays.stream(values()).map(AuditKind::code).collect(Collectors.joining(", "));
    }
}
