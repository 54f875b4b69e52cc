package dev.pat.domain.port.out;

import java.time.Instant;

/** Where the core reads the time; tests pin it. */
public interface Clock {
    Instant now();
}
