package dev.pat.app.crypto;

import dev.pat.domain.port.out.Randomness;

import java.security.SecureRandom;

/** Secret random bytes from the platform's CSPRNG. */
public final class SecureRandomness implements Randomness {
    private final SecureRandom random = new SecureRandom();

    @Override
    public void fill(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
