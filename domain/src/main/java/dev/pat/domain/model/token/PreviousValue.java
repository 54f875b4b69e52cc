package dev.pat.domain.model.token;

import dev.pat.domain.model.Digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A regenerated token's old value, still working until {@code worksUntil} (a rotation's overlap window): its
 * digest, its hint and when it was last used, so its holder can see whether anything still relies on it.
 */
public record PreviousValue(Digest digest, TokenHint hint, Instant worksUntil, Optional<Instant> lastUsed) {
    public PreviousValue {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(worksUntil, "worksUntil");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    public boolean worksAt(Instant now) {
        return now.isBefore(worksUntil);
    }

    @Override
    public String toString() {
        return "PreviousValue[" + hint.value() + ", until " + worksUntil + "]";
    }
}
