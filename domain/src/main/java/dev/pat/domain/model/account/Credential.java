package dev.pat.domain.model.account;

import dev.pat.domain.model.token.TokenValue;
/** What a caller presented to authenticate: a session key or a token value. Never printed. */
public final class Credential {
    private final String value;

    private Credential(String value) {
        this.value = value;
    }

    /** Wraps what was presented; null or empty means nothing was presented. */
    public static Credential presented(String value) {
        return new Credential(value == null ? "" : value.trim());
    }

    public boolean isMissing() {
        return value.isEmpty();
    }

    public boolean looksLikeToken() {
        return value.startsWith(TokenValue.PREFIX);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Credential[redacted]";
    }
}
