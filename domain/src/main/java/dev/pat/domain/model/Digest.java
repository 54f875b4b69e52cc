package dev.pat.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 digest of a secret value: what is stored and looked up instead of the value. */
public record Digest(String hex) {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    // one instance per thread: looking the algorithm up on every call costs more than hashing a token value
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    public Digest {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a digest is 64 lower-case hex digits");
        }
    }

    public static Digest of(String secret) {
        return new Digest(HEX.formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8))));
    }
}
