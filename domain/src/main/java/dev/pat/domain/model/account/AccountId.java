package dev.pat.domain.model.account;

/** The numeric identity of an account (the platform's uid). */
public record AccountId(long value) {
    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("account id must be positive");
        }
    }
}
