package dev.pat.app.crypto;

import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.SecondFactor;
import org.apache.commons.codec.binary.Base32;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time codes with the JDK's HMAC-SHA1: 6 digits, 30-second steps, one step of clock
 * drift either way. Secrets are 160 random bits, Base32 as authenticator apps expect.
 */
public final class TotpSecondFactor implements SecondFactor {
    private static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private final Randomness randomness;
    private final String issuer;

    public TotpSecondFactor(Randomness randomness, String issuer) {
        this.randomness = randomness;
        this.issuer = issuer;
    }

    @Override
    public TotpSecret newSecret() {
        byte[] key = new byte[20];
        randomness.fill(key);
        return new TotpSecret(new Base32().encodeToString(key).replace("=", ""));
    }

    @Override
    public OptionalLong matchingStep(TotpSecret secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = new Base32().decode(secret.base32());
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        OptionalLong matched = OptionalLong.empty();
        for (long drift = -1; drift <= 1; drift++) {
            // compare every candidate in constant time, so timing tells nothing about which one matched
            if (MessageDigest.isEqual(codeAt(key, step + drift).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                matched = OptionalLong.of(step + drift);
            }
        }
        return matched;
    }

    /** The code an authenticator app shows at that moment. */
    public String codeAt(TotpSecret secret, Instant now) {
        return codeAt(new Base32().decode(secret.base32()), Math.floorDiv(now.getEpochSecond(), STEP_SECONDS));
    }

    /** The code for a 30-second step (RFC 4226 dynamic truncation). */
    static String codeAt(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                    | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA1", e);
        }
    }

    @Override
    public String provisioningUri(TotpSecret secret, String accountName) {
        String label = URLEncoder.encode(issuer + ":" + accountName, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret.base32() + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
