package dev.pat.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digest of a secret value: what is stored and looked up instead of the value. */
public record Digest(String hex) {
    private static final HexFormat HEX = HexFormat.of();
    // one instance per thread: looking the algorithm up on every call costs more than hashing a token value
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    public Digest {
        if (!isHex64(hex)) {
            throw new IllegalArgumentException("a digest is 64 lower-case hex digits");
        }
    }

    /** 64 lower-case hex digits; by hand, not a regular expression: every API call makes digests. */
    static boolean isHex64(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static Digest of(String secret) {
        return new Digest(HEX.formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8))));
    }
}
