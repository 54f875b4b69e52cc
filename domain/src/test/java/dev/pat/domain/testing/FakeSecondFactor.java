package dev.pat.domain.testing;

import dev.pat.domain.model.TotpSecret;
import dev.pat.domain.port.out.SecondFactor;

import java.time.Instant;

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
    public boolean verify(TotpSecret secret, String code, Instant now) {
        for (int step = -1; step <= 1; step++) {
            if (codeAt(now.plusSeconds(30L * step)).equals(code)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String provisioningUri(TotpSecret secret, String accountName) {
        return "otpauth://totp/PAT:" + accountName + "?secret=" + secret.base32() + "&issuer=PAT";
    }
}
