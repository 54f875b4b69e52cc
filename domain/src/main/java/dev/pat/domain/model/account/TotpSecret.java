package dev.pat.domain.model.account;

/** The shared secret of an account's authenticator app, Base32 as in otpauth URIs. */
public record TotpSecret(String base32) {
    public TotpSecret {
        if (base32 == null || !base32.matches("[A-Z2-7]{16,}")) {
            throw new IllegalArgumentException("a TOTP secret is Base32 of at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
