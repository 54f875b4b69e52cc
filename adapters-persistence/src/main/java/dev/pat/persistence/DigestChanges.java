package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records, in a writing transaction, which digests (token values, session keys) it changed: other nodes and
 * processes drop them from their caches ({@link TokenEventFeed}; PostgreSQL also wakes them at commit with NOTIFY),
 * and this node drops them once the change commits.
 */
final class DigestChanges {
    private final JdbiTransactions db;
    private final Dialect dialect;
    private final Supplier<Instant> now;
    private final Consumer<Digest> onCommit;

    DigestChanges(JdbiTransactions db, Dialect dialect, Supplier<Instant> now, Consumer<Digest> onCommit) {
        this.db = db;
        this.dialect = dialect;
        this.now = now;
        this.onCommit = onCommit;
    }

    void announce(Handle h, List<Digest> digests) {
        if (digests.isEmpty()) {
            return;
        }
        // on the writer's own handle: the change and its announcement commit together or not at all
        PreparedBatch insert = h.prepareBatch("INSERT INTO token_events (digest, at) VALUES (:digest, :at)");
        long at = Times.store(now.get());
        digests.forEach(d -> insert.bind("digest", d.hex()).bind("at", at).add());
        insert.execute();
        if (dialect == Dialect.POSTGRESQL) {
            // the digests travel in the notification, delivered at commit in commit order: a listener learns of
            // every change, whatever order the writers took their sequence numbers in
            for (String payload : TokenEventFeed.payloads(digests)) {
                h.createQuery("SELECT pg_notify(:channel, :payload)").bind("channel", TokenEventFeed.CHANNEL)
                        .bind("payload", payload).mapTo(String.class).one();
            }
        }
        db.afterCommit(() -> digests.forEach(onCommit));
    }
}
