package dev.pat.domain.port.out;

import java.time.Instant;

/**
 * Counts calls per key in one-minute windows, shared by every node approximately: this node's calls count at once,
 * the other nodes' within a second. Never a database round trip on the caller's thread.
 */
public interface CallCounter {
    /** Counts one call under the key; answers how many this window holds so far, this one included. */
    long count(String key, Instant now);
}
