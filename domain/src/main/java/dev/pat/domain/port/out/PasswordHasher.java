package dev.pat.domain.port.out;

import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;

/** The slow one-way password hash (Argon2id in production). */
public interface PasswordHasher {
    PasswordHash hash(Password password);

    boolean verify(PasswordHash hash, Password password);

    /** Whether the hash was made with weaker parameters than today's and should be replaced. */
    boolean needsRehash(PasswordHash hash);
}
