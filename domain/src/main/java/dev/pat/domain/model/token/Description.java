package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

/** The custom description a person gives a token (required, at most 255 characters). */
public record Description(String value) {
    public static final int MAX_LENGTH = 255;

    public Description {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("description", "required; say what the token is for");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidInput("description", "at most " + MAX_LENGTH + " characters (got "
                    + value.codePointCount(0, value.length()) + ")");
        }
        if (Texts.hasControlCharacters(value)) {
            throw new InvalidInput("description", "must not contain control characters such as line breaks");
        }
        if (Texts.hasBidiControls(value)) {
            throw new InvalidInput("description", "must not contain bidirectional overrides or isolates");
        }
        if (Texts.isInvisible(value)) {
            throw new InvalidInput("description", "must contain something visible");
        }
    }

    /** The description of a copy: the original's, marked, cut to fit. */
    public Description copy() {
        String copy = "Copy of " + value;
        return new Description(copy.length() > MAX_LENGTH ? copy.substring(0, MAX_LENGTH) : copy);
    }
}
