package dev.pat.domain.model.token;

import dev.pat.domain.model.Digest;
import dev.pat.domain.port.out.Randomness;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The secret value of an access token: {@code pat_} + 40 random base62 characters + 6 base62 characters of
 * CRC32 over those 40, so that secret scanners find it and a mistyped value is refused before any lookup.
 * It exists in clear only in the answer that issues it; it never shows itself in a string.
 */
public final class TokenValue {
    public static final String PREFIX = "pat_";
    static final int RANDOM_LENGTH = 40;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private final String value;

    private TokenValue(String value) {
        this.value = value;
    }

    /** A fresh value: 40 base62 characters carry about 238 bits of entropy. */
    public static TokenValue generate(Randomness randomness) {
        String random = Base62.random(randomness, RANDOM_LENGTH);
        return new TokenValue(PREFIX + random + checksum(random));
    }

    /** The value if the text is well formed and its checksum matches; empty otherwise. No I/O. */
    public static Optional<TokenValue> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String random = text.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        String checksum = text.substring(PREFIX.length() + RANDOM_LENGTH);
        if (!Base62.isBase62(random) || !checksum(random).equals(checksum)) {
            return Optional.empty();
        }
        return Optional.of(new TokenValue(text));
    }

    private static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        return Base62.fixedWidth(crc.getValue(), CHECKSUM_LENGTH);
    }

    public Digest digest() {
        return Digest.of(value);
    }

    /** The prefix and the last four characters (part of the checksum, so no secret entropy is shown). */
    public TokenHint hint() {
        return new TokenHint(PREFIX + "…" + value.substring(value.length() - 4));
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "TokenValue[" + hint().value() + "]";
    }
}
