package dev.pat.domain.port.out;

import dev.pat.domain.model.token.TokenId;

import java.time.Instant;

/** Notes that a token was used; implementations batch the writes so the hot path does none. */
public interface UsageRecorder {
    void noteUsed(TokenId token, Instant at);
}
