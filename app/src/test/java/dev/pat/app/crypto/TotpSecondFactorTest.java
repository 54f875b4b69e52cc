package dev.pat.app.crypto;

import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.testing.SeededRandomness;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpSecondFactorTest {
    /** RFC 6238's SHA-1 test secret, "12345678901234567890", in Base32. */
    private static final TotpSecret RFC_SECRET = new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private final TotpSecondFactor totp = new TotpSecondFactor(new SeededRandomness(1), "PAT");

    @Test
    void codes_match_the_rfc_6238_test_vectors() {
        // the RFC lists 8 digits; an authenticator shows the last 6
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void one_step_of_clock_drift_either_way_is_tolerated_and_no_more() {
        Instant now = Instant.ofEpochSecond(1234567890);
        String code = totp.codeAt(RFC_SECRET, now);
        long step = 1234567890 / 30;
        assertThat(totp.matchingStep(RFC_SECRET, code, now)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, code, now.plusSeconds(30))).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, code, now.minusSeconds(30))).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, code, now.plusSeconds(90))).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
    }

    @Test
    void a_new_secret_is_160_random_bits_and_the_uri_is_what_authenticator_apps_scan() {
        TotpSecret secret = totp.newSecret();
        assertThat(secret.base32()).hasSize(32);
        assertThat(totp.provisioningUri(secret, "ann@example.com")).isEqualTo("otpauth://totp/PAT%3Aann%40example.com"
                + "?secret=" + secret.base32() + "&issuer=PAT&algorithm=SHA1&digits=6&period=30");
        assertThat(secret.toString()).doesNotContain(secret.base32());
    }
}
