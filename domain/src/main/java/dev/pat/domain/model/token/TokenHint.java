package dev.pat.domain.model.token;

/** Enough of a token value for a person to tell tokens apart, and nothing more. */
public record TokenHint(String value) {
    public TokenHint {
        if (value == null || value.isBlank() || value.length() > 16) {
            throw new IllegalArgumentException("a hint is a short, non-blank text");
        }
    }
}
