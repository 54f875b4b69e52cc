package dev.pat.domain.port.out;

/** Where the core draws secret random bytes (a CSPRNG in production); tests pin it. */
public interface Randomness {
    void fill(byte[] bytes);
}
