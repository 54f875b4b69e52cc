package dev.pat.domain.model;

/** The account already holds the most tokens it may. */
public final class TokenLimitReached extends PatFailure {
    public TokenLimitReached(int limit) {
        super("token limit reached: an account holds at most " + limit + " tokens; remove one first");
    }
}
