package dev.pat.persistence;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.port.out.AttemptCounters;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attempt counts in {@code attempt_counts}, each attempt checked and counted in one transaction of its own that
 * holds the key's row (a row lock on PostgreSQL; SQLite's write lock), so parallel attempts on any node are
 * counted one after the other. Never called inside a use case's transaction: a count must survive its rollback.
 */
final class JdbiAttemptCounters implements AttemptCounters {
    private static final long PRUNE_EVERY = 500;
    private static final Duration KEEP = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final AtomicLong attempts = new AtomicLong();

    JdbiAttemptCounters(Jdbi jdbi, JdbiTransactions transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
    }

    private record Count(int attempts, long windowStart, long waitUntil) {
    }

    @Override
    public Optional<Instant> attempt(String key, AttemptPolicy.Rule rule, Instant now) {
        if (transactions.inTransaction()) {
            throw new IllegalStateException("attempts are counted in their own transaction, never in a use case's");
        }
        String digest = Digest.of(key).hex();
        long at = now.toEpochMilli();
        Optional<Instant> refused = jdbi.inTransaction(h -> {
            // one statement creates the row if missing and locks it until this transaction ends
            Count count = h.createQuery("INSERT INTO attempt_counts (key_digest, attempts, window_start, wait_until)"
                            + " VALUES (:key, 0, :now, 0) ON CONFLICT (key_digest)"
                            + " DO UPDATE SET key_digest = excluded.key_digest"
                            + " RETURNING attempts, window_start, wait_until")
                    .bind("key", digest).bind("now", at)
                    .map((rs, ctx) -> new Count(rs.getInt("attempts"), rs.getLong("window_start"),
                            rs.getLong("wait_until"))).one();
            if (at >= count.windowStart() + rule.window().toMillis() && at >= count.waitUntil()) {
                count = new Count(0, at, 0);
            }
            if (at < count.waitUntil()) {
                return Optional.of(Instant.ofEpochMilli(count.waitUntil()));
            }
            int counted = count.attempts() + 1;
            Duration wait = rule.waitAfter(counted);
            // no wait is no time at all: a caller whose clock read a moment earlier is not made to wait for it
            save(h, digest, new Count(counted, count.windowStart(), wait.isZero() ? 0 : at + wait.toMillis()));
            return Optional.<Instant>empty();
        });
        if (attempts.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(now);
        }
        return refused;
    }

    private static void save(Handle h, String digest, Count count) {
        h.createUpdate("UPDATE attempt_counts SET attempts = :attempts, window_start = :start, wait_until = :wait"
                        + " WHERE key_digest = :key")
                .bind("attempts", count.attempts()).bind("start", count.windowStart())
                .bind("wait", count.waitUntil()).bind("key", digest).execute();
    }

    @Override
    public void succeeded(String key, boolean forget) {
        String digest = Digest.of(key).hex();
        jdbi.useHandle(h -> h.createUpdate(forget ? "DELETE FROM attempt_counts WHERE key_digest = :key"
                        : "UPDATE attempt_counts SET attempts = attempts - 1 WHERE key_digest = :key AND attempts > 0")
                .bind("key", digest).execute());
    }

    @Override
    public boolean knows(AccountId account, ClientAddress address, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM known_addresses WHERE account_id = :a"
                        + " AND address = :address AND last_success >= :since")
                .bind("a", account.value()).bind("address", address.value()).bind("since", since.toEpochMilli())
                .mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void remember(AccountId account, ClientAddress address, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO known_addresses (account_id, address, last_success)"
                        + " VALUES (:a, :address, :now) ON CONFLICT (account_id, address)"
                        + " DO UPDATE SET last_success = :now")
                .bind("a", account.value()).bind("address", address.value()).bind("now", now.toEpochMilli())
                .execute());
    }

    /** Counts nobody waits on and whose window is long over are dropped. */
    private void prune(Instant now) {
        long before = now.minus(KEEP).toEpochMilli();
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM attempt_counts WHERE window_start < :before"
                + " AND wait_until < :now").bind("before", before).bind("now", now.toEpochMilli()).execute());
    }
}
