package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.port.out.Clock;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the {@code token_events} log so this node's cache forgets every digest another node or process
 * changed. On PostgreSQL a LISTEN connection wakes it the moment a change commits; on SQLite (several processes
 * on one file) it polls the log. If the log cannot be read, the cache is emptied and not trusted until the feed
 * has caught up again.
 */
final class TokenEventFeed implements AutoCloseable {
    static final String CHANNEL = "pat_token_events";
    private static final Logger LOG = LoggerFactory.getLogger(TokenEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CachingTokenStore cache;
    private final AtomicBoolean trusted;
    private final Optional<ListenTarget> postgres;
    private final Thread thread;
    private final Connection firstListener;
    private volatile boolean running = true;
    private long lastSeq;
    private long lastPrune;

    /** Where a PostgreSQL LISTEN connection is opened: its own connection, outside the pool. */
    record ListenTarget(String url, Optional<String> user, Optional<String> password) {
    }

    TokenEventFeed(Jdbi jdbi, CachingTokenStore cache, AtomicBoolean trusted, Optional<ListenTarget> postgres,
                   Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lastPrune = clock.now().toEpochMilli();
        this.cache = cache;
        this.trusted = trusted;
        this.postgres = postgres;
        this.lastSeq = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM token_events")
                .mapTo(Long.class).one());
        // listening before the cache is trusted: no change can slip between opening and following
        this.firstListener = postgres.map(TokenEventFeed::tryListen).orElse(null);
        trusted.set(postgres.isEmpty() || firstListener != null);
        this.thread = new Thread(this::follow, "pat-token-events");
        thread.setDaemon(true);
        thread.start();
    }

    private static Connection tryListen(ListenTarget target) {
        try {
            return listen(target);
        } catch (SQLException e) {
            LOG.warn("cannot LISTEN for token changes yet ({}); the token cache is bypassed until then",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private void follow() {
        Connection listening = firstListener;
        while (running) {
            try {
                if (postgres.isPresent()) {
                    if (listening == null) {
                        listening = listen(postgres.get());
                        regainTrust();
                    }
                    // wakes at once on a change; at the latest every 250 ms, which also proves the connection alive
                    PGNotification[] woken = listening.unwrap(PGConnection.class).getNotifications(250);
                    catchUp();
                    if (woken == null && !listening.isValid(1)) {
                        throw new SQLException("the LISTEN connection is gone");
                    }
                } else {
                    Thread.sleep(POLL.toMillis());
                    catchUp();
                    if (!trusted.get()) {
                        regainTrust();
                    }
                }
                prune();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                loseTrust(e);
                closeQuietly(listening);
                listening = null;
                sleep(Duration.ofMillis(200));
            }
        }
        closeQuietly(listening);
    }

    private static Connection listen(ListenTarget target) throws SQLException {
        Properties properties = new Properties();
        target.user().ifPresent(u -> properties.setProperty("user", u));
        target.password().ifPresent(p -> properties.setProperty("password", p));
        Connection connection = DriverManager.getConnection(target.url(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        return connection;
    }

    /** Drops from the cache every digest changed since the last look. */
    synchronized void catchUp() {
        List<Event> events = jdbi.withHandle(h -> h.createQuery("SELECT seq, digest FROM token_events"
                        + " WHERE seq > :last ORDER BY seq")
                .bind("last", lastSeq)
                .map((rs, ctx) -> new Event(rs.getLong("seq"), new Digest(rs.getString("digest"))))
                .list());
        for (Event event : events) {
            cache.invalidate(event.digest());
            lastSeq = Math.max(lastSeq, event.seq());
        }
    }

    private record Event(long seq, Digest digest) {
    }

    private void regainTrust() {
        catchUp();
        cache.invalidateAll();
        if (!trusted.getAndSet(true)) {
            LOG.info("following token changes again; the token cache is trusted again");
        }
    }

    private void loseTrust(Exception cause) {
        if (trusted.getAndSet(false)) {
            LOG.warn("lost the token change feed ({}); the token cache is emptied and bypassed until it is back",
                    cause.getClass().getSimpleName());
        }
        cache.invalidateAll();
    }

    /** Events are kept for a while, on the clock that stamped them, so a slow follower still finds them. */
    private void prune() {
        long now = clock.now().toEpochMilli();
        if (now - lastPrune > Duration.ofMinutes(1).toMillis()) {
            lastPrune = now;
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM token_events WHERE at < :before")
                    .bind("before", now - KEEP.toMillis()).execute());
        }
    }

    boolean trusted() {
        return trusted.get();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection may fail; it is dropped either way
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
