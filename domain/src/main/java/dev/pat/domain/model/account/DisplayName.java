package dev.pat.domain.model.account;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;
/** The name an account is shown by. */
public record DisplayName(String value) {
    public DisplayName {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("name", "required");
        }
        value = value.strip();
        if (value.length() > 100) {
            throw new InvalidInput("name", "at most 100 characters");
        }
        if (Texts.hasControlCharacters(value)) {
            throw new InvalidInput("name", "must not contain control characters");
        }
    }
}
