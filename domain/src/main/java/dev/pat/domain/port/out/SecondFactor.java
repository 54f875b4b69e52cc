package dev.pat.domain.port.out;

import dev.pat.domain.model.account.TotpSecret;

import java.time.Instant;
import java.util.OptionalLong;

/** Time-based one-time codes (RFC 6238) of an authenticator app. */
public interface SecondFactor {
    TotpSecret newSecret();

    /**
     * The 30-second time step whose code this is, if it is right at this time (one step either way); the core
     * accepts each step once.
     */
    OptionalLong matchingStep(TotpSecret secret, String code, Instant now);

    /** The {@code otpauth://} URI an authenticator app scans. */
    String provisioningUri(TotpSecret secret, String accountName);
}
