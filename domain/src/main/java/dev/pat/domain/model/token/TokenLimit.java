package dev.pat.domain.model.token;

import dev.pat.domain.model.TokenLimitReached;

/** How many tokens one account may hold at once. */
public record TokenLimit(int perAccount) {
    public static final TokenLimit STANDARD = new TokenLimit(100);

    public TokenLimit {
        if (perAccount < 1) {
            throw new IllegalArgumentException("an account must be allowed at least one token");
        }
    }

    /** Refuses one more token for an account that already holds this many. */
    public void allowOneMore(int held) {
        if (held >= perAccount) {
            throw new TokenLimitReached(perAccount);
        }
    }
}
