package dev.pat.domain.testing;

import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.port.out.SecondFactor;

import java.time.Instant;
import java.util.OptionalLong;

/** Codes a test can compute: the 30-second step number, six digits, one step either way accepted. */
public final class FakeSecondFactor implements SecondFactor {

    public static String codeAt(Instant now) {
        return String.format("%06d", (now.getEpochSecond() / 30) % 1_000_000);
    }

    @Override
    public TotpSecret newSecret() {
        return new TotpSecret("JBSWY3DPEHPK3PXP");
    }

    @Override
    public OptionalLong matchingStep(TotpSecret secret, String code, Instant now) {
        for (int drift = -1; drift <= 1; drift++) {
            Instant then = now.plusSeconds(30L * drift);
            if (codeAt(then).equals(code)) {
                return OptionalLong.of(then.getEpochSecond() / 30);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public String provisioningUri(TotpSecret secret, String accountName) {
        return "otpauth://totp/PAT:" + accountName + "?secret=" + secret.base32() + "&issuer=PAT";
    }
}
