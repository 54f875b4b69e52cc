package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;
/** The numeric identity of an access token, unique on the platform. */
public record TokenId(long value) {
    public TokenId {
        if (value <= 0) {
            throw new InvalidInput("id", "must be a positive number");
        }
    }

    /** Parses an id as a caller typed it. */
    public static TokenId parse(String field, String text) {
        try {
            return new TokenId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + Texts.clip(text) + "' is not a token id");
        }
    }
}
