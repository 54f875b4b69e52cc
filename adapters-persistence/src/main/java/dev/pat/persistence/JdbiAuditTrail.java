package dev.pat.persistence;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.audit.TokenUsage;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.out.AuditTrail;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The audit trail in {@code audit_events}. Events are inserted on the writer's handle, so a change and its event
 * commit together. Token use is counted in memory per token, method, address, result and minute, and each minute is
 * written once it is over (and whatever is counted, on close): one row per key and minute on each node, and what
 * a crash loses is at most the current minute's counts. Rows older than the retention are deleted in batches.
 */
final class JdbiAuditTrail implements AuditTrail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiAuditTrail.class);
    private static final int PRUNE_BATCH = 10_000;
    private static final int MAX_KEYS = 100_000;
    private static final String COLUMNS = "at, account_id, actor, address, kind, token_id, method, detail, result,"
            + " calls";

    /** A minute of one token's use: what is counted together. */
    private record Use(long account, long token, String method, String address, String result, long minute) {
    }

    private static final RowMapper<AuditEvent> ROW = (rs, ctx) -> new AuditEvent(Times.load(rs.getLong("at")),
            id(rs, "account_id").map(AccountId::new), new Actor(rs.getString("actor")),
            new ClientAddress(rs.getString("address")),
            AuditKind.of(rs.getString("kind")).orElseThrow(() -> new IllegalStateException("unknown audit kind")),
            id(rs, "token_id").map(TokenId::new), Optional.ofNullable(rs.getString("method")),
            rs.getString("detail"), rs.getString("result"), rs.getLong("calls"));

    private final JdbiTransactions db;
    private final Supplier<Instant> now;
    private final Duration retention;
    /** How many counted uses are bound and written at a time. */
    private static final int SLICE = 1_000;
    private final Map<Use, LongAdder> uses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;

    JdbiAuditTrail(JdbiTransactions db, Supplier<Instant> now, Duration flushInterval, Duration retention) {
        this.db = db;
        this.now = now;
        this.retention = retention;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pat-audit");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(() -> quietly(() -> flush(false)), flushInterval.toMillis(),
                flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(() -> quietly(this::prune), 1, 60, TimeUnit.MINUTES);
    }

    private static Optional<Long> id(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void record(AuditEvent event) {
        db.inTransaction(() -> db.withHandle(h -> h.createUpdate("INSERT INTO audit_events (" + COLUMNS + ")"
                        + " VALUES (:at, :account, :actor, :address, :kind, :token, :method, :detail, :result, :calls)")
                .bind("at", Times.store(event.at()))
                .bind("account", event.account().map(AccountId::value).orElse(null))
                .bind("actor", event.actor().value())
                .bind("address", event.address().value())
                .bind("kind", event.kind().code())
                .bind("token", event.token().map(TokenId::value).orElse(null))
                .bind("method", event.method().orElse(null))
                .bind("detail", event.detail())
                .bind("result", event.result())
                .bind("calls", event.calls())
                .execute()));
    }

    @Override
    public void noteTokenUse(AccountId account, TokenId token, ApiMethod method, ClientAddress address,
                             String result, Instant at) {
        Use use = new Use(account.value(), token.value(), method.canonical(), address.value(), result,
                at.getEpochSecond() / 60);
        LongAdder count = uses.get(use);
        if (count == null) {
            if (uses.size() >= MAX_KEYS) {
                // a flood of distinct keys cannot grow memory without bound: it is written early instead
                writer.execute(() -> quietly(() -> flush(true)));
            }
            count = uses.computeIfAbsent(use, u -> new LongAdder());
        }
        count.increment();
    }

    private static void writeSlice(Handle h, List<Map.Entry<Use, Long>> slice) {
        PreparedBatch events = h.prepareBatch("INSERT INTO audit_events (" + COLUMNS + ") VALUES (:at,"
                + " :account, :actor, :address, :kind, :token, :method, '', :result, :calls)");
        PreparedBatch methods = h.prepareBatch("INSERT INTO token_method_calls (token_id, method, calls,"
                + " last_at) VALUES (:token, :method, :calls, :at) ON CONFLICT (token_id, method) DO UPDATE"
                + " SET calls = token_method_calls.calls + excluded.calls,"
                + " last_at = CASE WHEN excluded.last_at > token_method_calls.last_at"
                + " THEN excluded.last_at ELSE token_method_calls.last_at END");
        PreparedBatch addresses = h.prepareBatch("INSERT INTO token_addresses (token_id, address, last_at)"
                + " VALUES (:token, :address, :at) ON CONFLICT (token_id, address) DO UPDATE"
                + " SET last_at = CASE WHEN excluded.last_at > token_addresses.last_at"
                + " THEN excluded.last_at ELSE token_addresses.last_at END");
        slice.forEach(entry -> {
            Use use = entry.getKey();
            long calls = entry.getValue();
            long at = use.minute() * 60_000;
            events.bind("at", at).bind("account", use.account())
                    .bind("actor", Actor.token(new TokenId(use.token())).value())
                    .bind("address", use.address()).bind("kind", AuditKind.TOKEN_USE.code())
                    .bind("token", use.token()).bind("method", use.method()).bind("result", use.result())
                    .bind("calls", calls).add();
            if (use.result().equals(AuditEvent.OK)) {
                methods.bind("token", use.token()).bind("method", use.method()).bind("calls", calls)
                        .bind("at", at).add();
                addresses.bind("token", use.token()).bind("address", use.address()).bind("at", at).add();
            }
        });
        events.execute();
        if (methods.size() > 0) {
            methods.execute();
            addresses.execute();
        }
    }

    /** Writes the counted use: the minutes that are over, or, with {@code all}, everything counted so far. */
    int flush(boolean all) {
        long minute = now.get().getEpochSecond() / 60;
        Map<Use, Long> batch = new LinkedHashMap<>();
        for (Use use : List.copyOf(uses.keySet())) {
            if (all || use.minute() < minute) {
                LongAdder count = uses.remove(use);
                if (count != null && count.sum() > 0) {
                    batch.put(use, count.sum());
                }
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            List<Map.Entry<Use, Long>> entries = List.copyOf(batch.entrySet());
            db.inTransaction(() -> db.withHandle(h -> {
                // in slices: a batch's bindings are held until it executes, and a flood's flush is large
                for (int from = 0; from < entries.size(); from += SLICE) {
                    writeSlice(h, entries.subList(from, Math.min(entries.size(), from + SLICE)));
                }
                return null;
            }));
        } catch (RuntimeException e) {
            // nothing is lost: the counts wait for the next flush
            batch.forEach((use, calls) -> uses.computeIfAbsent(use, u -> new LongAdder()).add(calls));
            throw e;
        }
        return batch.size();
    }

    /** Deletes the rows older than the retention, a batch at a time; answers how many. */
    int prune() {
        long before = Times.store(now.get().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = db.withHandle(h -> h.createUpdate("DELETE FROM audit_events WHERE id IN (SELECT id FROM"
                    + " audit_events WHERE at < :before ORDER BY id LIMIT " + PRUNE_BATCH + ")")
                    .bind("before", before).execute());
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }

    @Override
    public List<AuditEvent> events(Optional<AccountId> account, AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE 1 = 1");
        account.ifPresent(a -> sql.append(" AND account_id = :account"));
        query.tokens().ifPresent(ids -> sql.append(ids.isEmpty() ? " AND 1 = 0" : " AND token_id IN (<tokens>)"));
        query.from().ifPresent(from -> sql.append(" AND at >= :from"));
        query.to().ifPresent(to -> sql.append(" AND at < :to"));
        query.kind().ifPresent(kind -> sql.append(" AND kind = :kind"));
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        return db.withHandle(h -> {
            Query select = h.createQuery(sql.toString());
            account.ifPresent(a -> select.bind("account", a.value()));
            query.tokens().filter(ids -> !ids.isEmpty())
                    .ifPresent(ids -> select.bindList("tokens", ids.stream().map(TokenId::value).toList()));
            query.from().ifPresent(from -> select.bind("from", Times.store(from)));
            query.to().ifPresent(to -> select.bind("to", Times.store(to)));
            query.kind().ifPresent(kind -> select.bind("kind", kind.code()));
            return select.bind("limit", query.limit()).bind("offset", query.startRow()).map(ROW).list();
        });
    }

    @Override
    public Map<TokenId, TokenUsage> usage(AccountId account) {
        return db.withHandle(h -> {
            Map<Long, List<String>> addresses = new HashMap<>();
            h.createQuery("SELECT a.token_id, a.address FROM token_addresses a JOIN access_tokens t ON t.id ="
                            + " a.token_id WHERE t.account_id = :account ORDER BY a.token_id, a.last_at DESC,"
                            + " a.address")
                    .bind("account", account.value())
                    .map((rs, ctx) -> Map.entry(rs.getLong("token_id"), rs.getString("address")))
                    .forEach(row -> {
                        List<String> list = addresses.computeIfAbsent(row.getKey(), k -> new ArrayList<>());
                        if (list.size() < TokenUsage.ADDRESSES) {
                            list.add(row.getValue());
                        }
                    });
            Map<Long, List<TokenUsage.MethodCalls>> methods = new HashMap<>();
            h.createQuery("SELECT m.token_id, m.method, m.calls FROM token_method_calls m JOIN access_tokens t ON"
                            + " t.id = m.token_id WHERE t.account_id = :account ORDER BY m.token_id, m.method")
                    .bind("account", account.value())
                    .map((rs, ctx) -> Map.entry(rs.getLong("token_id"),
                            new TokenUsage.MethodCalls(rs.getString("method"), rs.getLong("calls"))))
                    .forEach(row -> methods.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
            Map<TokenId, TokenUsage> usage = new HashMap<>();
            Set<Long> tokens = new LinkedHashSet<>(addresses.keySet());
            tokens.addAll(methods.keySet());
            tokens.forEach(id -> usage.put(new TokenId(id), new TokenUsage(addresses.getOrDefault(id, List.of()),
                    methods.getOrDefault(id, List.of()))));
            return usage;
        });
    }

    @Override
    public Set<String> methodsUsed(TokenId token, Instant since) {
        long from = Times.store(since) / 60_000 * 60_000;
        return new LinkedHashSet<>(db.withHandle(h -> h.createQuery("SELECT DISTINCT method FROM audit_events"
                        + " WHERE token_id = :token AND kind = :kind AND result = :ok AND at >= :from ORDER BY method")
                .bind("token", token.value()).bind("kind", AuditKind.TOKEN_USE.code()).bind("ok", AuditEvent.OK)
                .bind("from", from).mapTo(String.class).list()));
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("audit trail: {}; counted use is kept for the next try", e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quietly(() -> flush(true));
    }
}
