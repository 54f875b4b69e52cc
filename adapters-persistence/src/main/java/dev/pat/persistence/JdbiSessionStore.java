package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.port.out.SessionStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/**
 * Sessions in the {@code sessions} table, by the digest of their key. Every change to a session that exists is
 * announced with its digest ({@link DigestChanges}), so that each node's session cache forgets it: a sign-out, a
 * verified two-factor code or a moved last-seen time is seen by the next call on any node.
 */
final class JdbiSessionStore implements SessionStore {
    private static final RowMapper<Session> ROW = (rs, ctx) -> new Session(new Digest(rs.getString("digest")),
            new AccountId(rs.getLong("account_id")), Times.load(rs.getLong("created_at")),
            Times.load(rs.getLong("last_seen_at")), rs.getInt("pending") != 0);

    private final JdbiTransactions db;
    private final DigestChanges changes;

    JdbiSessionStore(JdbiTransactions db, DigestChanges changes) {
        this.db = db;
        this.changes = changes;
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
        write(h -> {
            int updated = h.createUpdate("UPDATE sessions SET last_seen_at = :seen, pending = :pending"
                            + " WHERE digest = :digest")
                    .bind("seen", Times.store(session.lastSeenAt()))
                    .bind("pending", session.pending() ? 1 : 0)
                    .bind("digest", session.digest().hex())
                    .execute();
            return updated == 0 ? List.<Digest>of() : List.of(session.digest());
        });
    }

    @Override
    public void remove(Digest digest) {
        write(h -> h.createQuery("DELETE FROM sessions WHERE digest = :digest RETURNING digest")
                .bind("digest", digest.hex()).map((rs, ctx) -> new Digest(rs.getString(1))).list());
    }

    @Override
    public void removeAllOf(AccountId account) {
        write(h -> h.createQuery("DELETE FROM sessions WHERE account_id = :account RETURNING digest")
                .bind("account", account.value()).map((rs, ctx) -> new Digest(rs.getString(1))).list());
    }

    /** A change and the announcement of the sessions it changed, in one transaction. */
    private void write(org.jdbi.v3.core.HandleCallback<List<Digest>, RuntimeException> change) {
        db.inTransaction(() -> db.withHandle(h -> {
            changes.announce(h, change.withHandle(h));
            return null;
        }));
    }
}
