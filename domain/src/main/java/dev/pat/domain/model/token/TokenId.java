package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.ListText;
import dev.pat.domain.model.Texts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The numeric identity of an access token, unique on the platform. */
public record TokenId(long value) {
    public TokenId {
        if (value <= 0) {
            throw new InvalidInput("id", "must be a positive number");
        }
    }

    /** Parses the ids of a list as a caller typed it (see {@link ListText}); at least one is needed. */
    public static Set<TokenId> parseAll(String field, Collection<String> values) {
        Set<TokenId> ids = new LinkedHashSet<>();
        ListText.items(field, values).forEach(text -> ids.add(parse(field, text)));
        if (ids.isEmpty()) {
            throw new InvalidInput(field, "name at least one token id");
        }
        return ids;
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
