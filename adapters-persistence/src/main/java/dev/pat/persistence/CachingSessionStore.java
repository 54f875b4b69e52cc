package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.port.out.SessionStore;

import java.util.Optional;

/**
 * Signed-in sessions held in memory by digest ({@link FollowedCache}), so a call with a session costs no database
 * round trip; every change to a session is announced under its digest ({@link JdbiSessionStore}).
 */
final class CachingSessionStore implements SessionStore {
    private final SessionStore database;
    private final FollowedCache<Session> cache;

    CachingSessionStore(SessionStore database, FollowedCache<Session> cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public Optional<Session> byDigest(Digest digest) {
        return cache.get(digest, () -> database.byDigest(digest));
    }

    @Override
    public void add(Session session) {
        database.add(session);
    }

    @Override
    public void update(Session session) {
        database.update(session);
    }

    @Override
    public void remove(Digest digest) {
        database.remove(digest);
    }

    @Override
    public void removeAllOf(AccountId account) {
        database.removeAllOf(account);
    }
}
