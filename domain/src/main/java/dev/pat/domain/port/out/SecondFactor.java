package dev.pat.domain.port.out;

import dev.pat.domain.model.TotpSecret;

import java.time.Instant;

/** Time-based one-time codes (RFC 6238) of an authenticator app. */
public interface SecondFactor {
    TotpSecret newSecret();

    /** Whether the code is right at this time, one 30-second step either way. */
    boolean verify(TotpSecret secret, String code, Instant now);

    /** The {@code otpauth://} URI an authenticator app scans. */
    String provisioningUri(TotpSecret secret, String accountName);
}
