package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.out.UsageRecorder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notes token use in memory and writes it in batches, so an authenticated call costs no write. What is noted
 * is flushed every interval and on close; a write that fails is kept for the next one. A crash ({@code kill -9})
 * loses at most what was noted since the last flush: one interval of last-used times.
 */
final class BatchedUsageRecorder implements UsageRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchedUsageRecorder.class);

    private final Jdbi jdbi;
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    // uses of previous values (in a rotation's overlap), by the previous value's digest
    private final Map<String, Long> pendingPrevious = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private volatile int lastFlushSize;

    BatchedUsageRecorder(Jdbi jdbi, Duration interval) {
        this.jdbi = jdbi;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pat-last-used-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void noteUsed(TokenId token, Instant at) {
        // to the second, as every answer shows it: a token in heavy use is then noted by a write (a merge, which
        // locks the map's bin while every request thread queues on it) once a second, and by reads otherwise
        long millis = at.getEpochSecond() * 1000;
        Long noted = pending.get(token.value());
        if (noted == null || noted < millis) {
            pending.merge(token.value(), millis, Math::max);
        }
    }

    @Override
    public void notePreviousUsed(TokenId token, Digest previous, Instant at) {
        pendingPrevious.merge(previous.hex(), at.toEpochMilli(), Math::max);
    }

    /** A use of a previous value noted here but not yet written. */
    Optional<Instant> pendingForPrevious(Digest previous) {
        return Optional.ofNullable(pendingPrevious.get(previous.hex())).map(Instant::ofEpochMilli);
    }

    /** A use noted here but not yet written, so listings on this node are never behind. */
    Optional<Instant> pendingFor(TokenId token) {
        return Optional.ofNullable(pending.get(token.value())).map(Instant::ofEpochMilli);
    }

    /** Writes what was noted; returns how many tokens were written. */
    int flush() {
        List<long[]> batch = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Long at = pending.remove(id);
            if (at != null) {
                batch.add(new long[] {id, at});
            }
        }
        Map<String, Long> previous = new java.util.HashMap<>();
        for (String digest : List.copyOf(pendingPrevious.keySet())) {
            Long at = pendingPrevious.remove(digest);
            if (at != null) {
                previous.put(digest, at);
            }
        }
        if (batch.isEmpty() && previous.isEmpty()) {
            return 0;
        }
        try {
            jdbi.useTransaction(h -> {
                if (!batch.isEmpty()) {
                    PreparedBatch update = h.prepareBatch("UPDATE access_tokens SET last_used = :at"
                            + " WHERE id = :id AND (last_used IS NULL OR last_used < :at)");
                    batch.forEach(row -> update.bind("id", row[0]).bind("at", row[1]).add());
                    update.execute();
                }
                if (!previous.isEmpty()) {
                    PreparedBatch update = h.prepareBatch("UPDATE access_tokens SET previous_last_used = :at"
                            + " WHERE previous_digest = :digest"
                            + " AND (previous_last_used IS NULL OR previous_last_used < :at)");
                    previous.forEach((digest, at) -> update.bind("digest", digest).bind("at", at).add());
                    update.execute();
                }
            });
        } catch (RuntimeException e) {
            // nothing is dropped: what could not be written waits for the next flush, merged with newer uses
            batch.forEach(row -> pending.merge(row[0], row[1], Math::max));
            previous.forEach((digest, at) -> pendingPrevious.merge(digest, at, Math::max));
            failures.incrementAndGet();
            throw e;
        }
        lastFlushSize = batch.size() + previous.size();
        written.addAndGet(lastFlushSize);
        return lastFlushSize;
    }

    /** What the flushes did so far: rows written, flushes that failed, the size of the last one. */
    record Flushes(long written, long failures, int lastSize) {
    }

    Flushes flushes() {
        return new Flushes(written.get(), failures.get(), lastFlushSize);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write last-used times of {} tokens; kept in memory for the next try: {}",
                    pending.size(), e.getMessage());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
