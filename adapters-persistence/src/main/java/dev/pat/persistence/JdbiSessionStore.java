package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.port.out.SessionStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Sessions in the {@code sessions} table, by the digest of their key. */
final class JdbiSessionStore implements SessionStore {
    private static final RowMapper<Session> ROW = (rs, ctx) -> new Session(new Digest(rs.getString("digest")),
            new AccountId(rs.getLong("account_id")), Times.load(rs.getLong("created_at")),
            Times.load(rs.getLong("last_seen_at")), rs.getInt("pending") != 0);

    private final JdbiTransactions db;

    JdbiSessionStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void add(Session session) {
        db.withHandle(h -> h.createUpdate("INSERT INTO sessions (digest, account_id, created_at, last_seen_at,"
                        + " pending) VALUES (:digest, :account, :created, :seen, :pending)")
                .bind("digest", session.digest().hex())
                .bind("account", session.account().value())
                .bind("created", Times.store(session.createdAt()))
                .bind("seen", Times.store(session.lastSeenAt()))
                .bind("pending", session.pending() ? 1 : 0)
                .execute());
    }

    @Override
    public Optional<Session> byDigest(Digest digest) {
        return db.withHandle(h -> h.createQuery("SELECT digest, account_id, created_at, last_seen_at, pending"
                        + " FROM sessions WHERE digest = :digest")
                .bind("digest", digest.hex()).map(ROW).findOne());
    }

    @Override
    public void update(Session session) {
        db.withHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :seen, pending = :pending"
                        + " WHERE digest = :digest")
                .bind("seen", Times.store(session.lastSeenAt()))
                .bind("pending", session.pending() ? 1 : 0)
                .bind("digest", session.digest().hex())
                .execute());
    }

    @Override
    public void remove(Digest digest) {
        db.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE digest = :digest")
                .bind("digest", digest.hex()).execute());
    }

    @Override
    public void removeAllOf(AccountId account) {
        db.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :account")
                .bind("account", account.value()).execute());
    }
}
