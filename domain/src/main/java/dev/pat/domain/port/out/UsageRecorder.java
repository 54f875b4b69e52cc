package dev.pat.domain.port.out;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.token.TokenId;

import java.time.Instant;

/** Notes that a token was used; implementations batch the writes so the hot path does none. */
public interface UsageRecorder {
    void noteUsed(TokenId token, Instant at);

    /** Notes that a token's previous value, still in its overlap after a regeneration, was used. */
    void notePreviousUsed(TokenId token, Digest previous, Instant at);
}
