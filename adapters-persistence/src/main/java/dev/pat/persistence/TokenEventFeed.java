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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes this node's token and session caches forget every digest another node or process changed, so that a
 * removed, replaced or narrowed token, or a session signed out, stops working everywhere.
 * <ul>
 * <li>PostgreSQL: writers NOTIFY the changed digests in the same transaction; PostgreSQL delivers notifications at
 * commit, in commit order, so a listener learns of every change however the writers' sequence numbers interleave.
 * The {@code token_events} log is also read every second, as a reconciliation.</li>
 * <li>SQLite (several processes on one file): a dedicated connection asks {@code PRAGMA data_version} every 5 ms
 * (one statement prepared once), which changes when any other connection commits; the log is then read at once.
 * Every millisecond, as before, cost a busy server 2–3 % of its processor time and an idle one a thousand queries
 * a second, for a promise (50 ms) that 5 ms keeps.</li>
 * </ul>
 * The log is read without trusting sequence order: an event above a gap is applied when seen, and a gap is waited
 * for (a transaction that took a lower number may still commit) for {@link #GAP_PATIENCE} before it is given up.
 * If the feed cannot be followed, the cache is emptied and bypassed until it is followed again.
 */
final class TokenEventFeed implements AutoCloseable {
    static final String CHANNEL = "pat_token_events";
    static final Duration GAP_PATIENCE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(TokenEventFeed.class);
    private static final long SQLITE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long RECONCILE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_GAP_SCAN = 10_000;
    private static final int DIGESTS_PER_NOTIFICATION = 120;
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final DigestCache cache;
    private final AtomicBoolean trusted;
    private final Target target;
    private final Thread thread;
    private final Connection firstConnection;
    private volatile boolean running = true;
    private volatile Connection current;
    private volatile Instant lastEvent;
    private volatile Instant lastFollowed = Instant.now();
    private long lastPrune;

    // the log as read so far: every event at or below the watermark is applied (or its gap given up)
    private long watermark;
    private final NavigableSet<Long> appliedAbove = new TreeSet<>();
    private final Map<Long, Long> gapsNoticedAt = new HashMap<>();

    // markers this node notified to itself, to know when every earlier notification has arrived
    private static final String MARKER = "marker-";
    private final Object markers = new Object();
    private long markersSent;
    private long markersSeen;

    /** Where the feed's own connection goes: a LISTEN connection on PostgreSQL, a watcher on SQLite. */
    record Target(Dialect dialect, String url, Optional<String> user, Optional<String> password) {
    }

    TokenEventFeed(Jdbi jdbi, DigestCache cache, AtomicBoolean trusted, Target target, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lastPrune = clock.now().toEpochMilli();
        this.cache = cache;
        this.trusted = trusted;
        this.target = target;
        // listening before reading where the log stands: no change can slip between the two
        this.firstConnection = tryConnect(target);
        this.watermark = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM token_events")
                .mapTo(Long.class).one());
        trusted.set(firstConnection != null);
        this.thread = new Thread(this::follow, "pat-token-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** The notification payloads that carry these digests, each well below PostgreSQL's 8000-byte limit. */
    static List<String> payloads(List<Digest> digests) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < digests.size(); i += DIGESTS_PER_NOTIFICATION) {
            payloads.add(String.join(",", digests.subList(i, Math.min(digests.size(), i + DIGESTS_PER_NOTIFICATION))
                    .stream().map(Digest::hex).toList()));
        }
        return payloads;
    }

    private static Connection tryConnect(Target target) {
        try {
            return connect(target);
        } catch (SQLException e) {
            LOG.warn("cannot follow token changes yet ({}); the token and session caches are bypassed until then",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static Connection connect(Target target) throws SQLException {
        Properties properties = new Properties();
        target.user().ifPresent(u -> properties.setProperty("user", u));
        target.password().ifPresent(p -> properties.setProperty("password", p));
        Connection connection = DriverManager.getConnection(target.dialect().prepare(target.url()), properties);
        if (target.dialect() == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
        } else {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void follow() {
        Connection connection = firstConnection;
        long lastReconcile = 0;
        long dataVersion = -1;
        PreparedStatement versionQuery = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = connect(target);
                    versionQuery = null;
                    regainTrust();
                }
                current = connection;
                if (target.dialect() == Dialect.POSTGRESQL) {
                    // wakes at once on a change; at the latest every 250 ms, which also proves the connection alive
                    PGNotification[] woken = connection.unwrap(PGConnection.class).getNotifications(250);
                    if (woken != null) {
                        for (PGNotification notification : woken) {
                            apply(notification.getParameter());
                        }
                    } else if (!connection.isValid(1)) {
                        throw new SQLException("the LISTEN connection is gone");
                    }
                } else {
                    if (versionQuery == null) {
                        versionQuery = connection.prepareStatement("PRAGMA data_version");
                    }
                    long version = dataVersion(versionQuery);
                    if (version != dataVersion) {
                        dataVersion = version;
                        catchUp();
                        lastReconcile = System.nanoTime();
                    }
                    LockSupport.parkNanos(SQLITE_POLL_NANOS);
                }
                if (System.nanoTime() - lastReconcile > RECONCILE_NANOS) {
                    catchUp();
                    lastReconcile = System.nanoTime();
                    pruneQuietly();
                }
                lastFollowed = Instant.now();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                loseTrust(e);
                closeQuietly(connection);
                connection = null;
                sleep(Duration.ofMillis(200));
            }
        }
        closeQuietly(connection);
    }

    private static long dataVersion(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drops the digests a notification carries. */
    private void apply(String payload) {
        if (payload == null || payload.isEmpty()) {
            catchUp();
            return;
        }
        if (payload.startsWith(MARKER)) {
            synchronized (markers) {
                markersSeen = Math.max(markersSeen, Long.parseLong(payload.substring(MARKER.length())));
                markers.notifyAll();
            }
            return;
        }
        for (String hex : payload.split(",")) {
            cache.invalidate(new Digest(hex));
        }
        lastEvent = Instant.now();
    }

    /**
     * Returns once every change committed before the call has reached this node's cache. On PostgreSQL a marker
     * is notified and waited for: notifications arrive in commit order, so all earlier ones have been applied.
     */
    void follow(Duration within) {
        if (target.dialect() == Dialect.POSTGRESQL && trusted.get()) {
            long marker;
            synchronized (markers) {
                marker = ++markersSent;
            }
            jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :payload)").bind("channel", CHANNEL)
                    .bind("payload", MARKER + marker).mapTo(String.class).one());
            long deadline = System.nanoTime() + within.toNanos();
            synchronized (markers) {
                while (markersSeen < marker && System.nanoTime() < deadline) {
                    try {
                        markers.wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        catchUp();
    }

    /** Reads the log above the watermark and drops every digest not dropped before; gaps are waited for. */
    synchronized void catchUp() {
        List<Event> events = jdbi.withHandle(h -> h.createQuery("SELECT seq, digest FROM token_events"
                        + " WHERE seq > :watermark ORDER BY seq")
                .bind("watermark", watermark)
                .map((rs, ctx) -> new Event(rs.getLong("seq"), new Digest(rs.getString("digest"))))
                .list());
        long now = System.nanoTime();
        for (Event event : events) {
            if (appliedAbove.add(event.seq())) {
                cache.invalidate(event.digest());
                lastEvent = Instant.now();
            }
        }
        if (!appliedAbove.isEmpty()) {
            long highest = appliedAbove.last();
            if (highest - watermark > MAX_GAP_SCAN) {
                LOG.warn("token change log jumped from {} to {}; older gaps are not waited for", watermark, highest);
                watermark = highest - MAX_GAP_SCAN;
                appliedAbove.headSet(watermark, true).clear();
                gapsNoticedAt.keySet().removeIf(seq -> seq <= watermark);
            }
            for (long seq = watermark + 1; seq < highest; seq++) {
                if (!appliedAbove.contains(seq)) {
                    gapsNoticedAt.putIfAbsent(seq, now);
                }
            }
        }
        while (true) {
            long next = watermark + 1;
            Long noticed = gapsNoticedAt.get(next);
            if (appliedAbove.remove(next)) {
                gapsNoticedAt.remove(next);
            } else if (noticed != null && now - noticed > GAP_PATIENCE.toNanos()) {
                // a number taken by a transaction that rolled back, or one still open after all this time
                gapsNoticedAt.remove(next);
            } else {
                break;
            }
            watermark = next;
        }
    }

    private record Event(long seq, Digest digest) {
    }

    private void regainTrust() {
        catchUp();
        cache.invalidateAll();
        if (!trusted.getAndSet(true)) {
            LOG.info("following token changes again; the caches are trusted again");
        }
    }

    private void loseTrust(Exception cause) {
        if (trusted.getAndSet(false)) {
            LOG.warn("lost the token change feed ({}: {}); the token and session caches are emptied and bypassed"
                    + " until it is back", cause.getClass().getSimpleName(), cause.getMessage());
        }
        cache.invalidateAll();
    }

    /**
     * Pruning is housekeeping: when it fails (a long write holding SQLite's lock past the busy timeout, say) the
     * feed is still followed, so the cache stays trusted, and the old events go at the next minute.
     */
    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.debug("could not prune the token change log this minute ({})", e.getClass().getSimpleName());
        }
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

    /** When the feed last applied a change to this node's cache, if ever (wall-clock time). */
    Optional<Instant> lastEvent() {
        return Optional.ofNullable(lastEvent);
    }

    /** When the feed last proved it was following (a notification wait or a poll that succeeded). */
    Instant lastFollowed() {
        return lastFollowed;
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
        // a wait for notifications ends when its connection closes, rather than at its timeout
        closeQuietly(current);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
