package dev.pat.domain.port.out;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Session;

import java.util.Optional;

/** Where signed-in sessions are kept, by the digest of their key. */
public interface SessionStore {
    void add(Session session);

    Optional<Session> byDigest(Digest digest);

    void update(Session session);

    void remove(Digest digest);

    void removeAllOf(AccountId account);
}
