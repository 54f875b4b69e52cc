package dev.pat.domain.model.account;

import dev.pat.domain.model.InvalidInput;
/** A password in clear, as typed by a person: it never shows itself in a string. */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** A password given to confirm a change or to sign in: only presence is checked. */
    public static Password given(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput("password", "required");
        }
        if (value.length() > 1024) {
            throw new InvalidInput("password", "at most 1024 characters");
        }
        return new Password(value);
    }

    /** A password chosen for an account: it must be long enough to resist guessing. */
    public static Password chosen(String value) {
        Password password = given(value);
        if (value.codePointCount(0, value.length()) < 10) {
            throw new InvalidInput("password", "at least 10 characters");
        }
        return password;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
