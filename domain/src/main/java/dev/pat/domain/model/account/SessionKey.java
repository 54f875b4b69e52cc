package dev.pat.domain.model.account;

import dev.pat.domain.model.Digest;
import dev.pat.domain.port.out.Randomness;

import java.util.HexFormat;

/** The secret key of a signed-in session, as the Signin answer gives it; only its digest is stored. */
public final class SessionKey {
    private final String value;

    private SessionKey(String value) {
        this.value = value;
    }

    public static SessionKey generate(Randomness randomness) {
        byte[] bytes = new byte[32];
        randomness.fill(bytes);
        return new SessionKey(HexFormat.of().formatHex(bytes));
    }

    public Digest digest() {
        return Digest.of(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "SessionKey[redacted]";
    }
}
