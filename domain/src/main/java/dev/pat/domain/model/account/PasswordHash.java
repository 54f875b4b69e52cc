package dev.pat.domain.model.account;

/** A password's slow one-way hash in its encoded form (Argon2id in production). */
public record PasswordHash(String encoded) {
    public PasswordHash {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("password hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
