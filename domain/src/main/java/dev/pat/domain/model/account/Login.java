package dev.pat.domain.model.account;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An account's login: its e-mail address, compared case-insensitively. */
public record Login(String value) {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Login {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("login", "required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw new InvalidInput("login", "'" + Texts.clip(value) + "' is not an e-mail address");
        }
    }
}
