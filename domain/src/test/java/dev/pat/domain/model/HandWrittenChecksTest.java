package dev.pat.domain.model;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hot path's checks written by hand accept exactly what the regular expressions they replaced accepted. */
class HandWrittenChecksTest {
    private final Random random = new Random(20261129);

    @Test
    void a_digest_is_exactly_64_lower_case_hex_digits() {
        Pattern reference = Pattern.compile("[0-9a-f]{64}");
        for (int i = 0; i < 100_000; i++) {
            String text = text("0123456789abcdef0123456789abcdefAFg-", 62 + random.nextInt(5), i % 4 == 0);
            assertThat(Digest.isHex64(text)).as(text).isEqualTo(reference.matcher(text).matches());
        }
        assertThat(Digest.isHex64(null)).isFalse();
        assertThat(Digest.of("pat_x").hex()).hasSize(64);
    }

    @Test
    void ipv4_text_is_read_by_hand_as_dotted_decimal_with_no_leading_zeros_and_refused_otherwise() throws Exception {
        String octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
        Pattern reference = Pattern.compile(octet + "(\\." + octet + "){3}");
        for (int i = 0; i < 50_000; i++) {
            String text = i % 2 == 0 ? text("0123456789.", 5 + random.nextInt(13), false) : dottedQuad();
            boolean valid = reference.matcher(text).matches();
            assertThat(ClientAddress.isCanonicalIpv4(text)).as(text).isEqualTo(valid);
            if (valid) {
                // a valid literal: InetAddress parses it without a lookup, and agrees
                assertThat(ClientAddress.bytes(text)).as(text).isEqualTo(InetAddress.getByName(text).getAddress());
                assertThat(ClientAddress.parse(text).value()).isEqualTo(text);
            } else {
                assertThatThrownBy(() -> ClientAddress.parse(text)).as(text).isInstanceOf(InvalidInput.class);
            }
        }
        // dotted text InetAddress cannot parse went to DNS as a host name before; now it is refused as it is
        assertThatThrownBy(() -> ClientAddress.parse("999.1.1.1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ClientAddress.parse("010.0.0.1")).as("octal to some").isInstanceOf(InvalidInput.class);
    }

    private String dottedQuad() {
        StringBuilder quad = new StringBuilder();
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                quad.append('.');
            }
            int value = random.nextInt(300);
            quad.append(random.nextInt(8) == 0 ? String.format("%03d", Math.min(value, 999)) : String.valueOf(value));
        }
        return quad.toString();
    }

    private String text(String alphabet, int length, boolean plausible) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // a plausible text draws from the valid part of the alphabet (its first 16 characters) almost always
            int bound = plausible && random.nextInt(100) > 0 ? 16 : alphabet.length();
            text.append(alphabet.charAt(random.nextInt(Math.min(bound, alphabet.length()))));
        }
        return text.toString();
    }
}
