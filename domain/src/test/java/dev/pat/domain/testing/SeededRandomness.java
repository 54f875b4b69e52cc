package dev.pat.domain.testing;

import dev.pat.domain.port.out.Randomness;

import java.util.Random;

/** Repeatable "random" bytes, so tests can pin generated values. Never for production. */
public final class SeededRandomness implements Randomness {
    private final Random random;

    public SeededRandomness(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized void fill(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
