package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.port.out.CallCounter;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Calls per key and minute, shared by every node without a database round trip per call. Each node counts its own
 * calls in memory, adds them to {@code call_counts} every {@link #SYNC} and reads back the total, so it learns
 * the other nodes' calls within that interval. A limit of L a minute can so be passed by at most what the other
 * nodes take in one interval, and, as windows are whole minutes, by a burst across a minute's edge.
 */
final class SharedCallCounter implements CallCounter, AutoCloseable {
    static final Duration SYNC = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(SharedCallCounter.class);
    private static final int MAX_KEYS = 200_000;

    /** One key's current minute: what this node has not sent yet, and the shared total it last read. */
    private static final class Window {
        final long minute;
        final LongAdder unsent = new LongAdder();
        volatile long shared;

        Window(long minute) {
            this.minute = minute;
        }
    }

    private final Jdbi jdbi;
    // the platform's clock, which the minutes counted come from
    private final Supplier<Instant> now;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService syncer;

    SharedCallCounter(Jdbi jdbi, Supplier<Instant> now) {
        this.jdbi = jdbi;
        this.now = now;
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pat-call-counts");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(this::syncQuietly, SYNC.toMillis(), SYNC.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long count(String key, Instant now) {
        long minute = now.getEpochSecond() / 60;
        Window window = windows.get(key);
        if (window == null || window.minute != minute) {
            if (window == null && windows.size() >= MAX_KEYS) {
                // a flood of distinct keys is counted, but not kept beyond its own call
                return 1;
            }
            window = windows.compute(key, (k, old) -> old != null && old.minute == minute ? old : new Window(minute));
        }
        window.unsent.increment();
        return window.shared + window.unsent.sum();
    }

    /** Adds this node's counts to the shared ones and reads back the totals; drops windows of past minutes. */
    void sync() {
        long minute = now.get().getEpochSecond() / 60;
        windows.entrySet().removeIf(e -> e.getValue().minute < minute - 1);
        if (windows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, Window> entry : windows.entrySet()) {
                Window window = entry.getValue();
                long delta = window.unsent.sumThenReset();
                try {
                    window.shared = h.createQuery("INSERT INTO call_counts (key_digest, minute, calls)"
                                    + " VALUES (:key, :minute, :delta) ON CONFLICT (key_digest, minute)"
                                    + " DO UPDATE SET calls = call_counts.calls + :delta RETURNING calls")
                            .bind("key", Digest.of(entry.getKey()).hex()).bind("minute", window.minute)
                            .bind("delta", delta).mapTo(Long.class).one();
                } catch (RuntimeException e) {
                    window.unsent.add(delta);
                    throw e;
                }
            }
            h.createUpdate("DELETE FROM call_counts WHERE minute < :old").bind("old", minute - 2).execute();
        });
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warn("could not share call counts; this node counts alone until it can: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        syncer.shutdownNow();
    }
}
