package dev.pat.rest;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.IgnoreExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * The access log's plain lines, {@code 2026-11-29T03:40:00.123Z access GET /1.0/... 200 1ms ...}, written to standard
 * output by a thread of their own. A request copies its line's facts (strings it already has, numbers) into a slot
 * of a lock-free ring (the LMAX Disruptor) and goes on, making nothing per line; the writer formats each line into
 * one reused buffer, redacting the query as it goes, and writes everything waiting with one system call. It sleeps
 * 10 ms whenever it has caught up, so a line appears within about 10 ms; nothing is dropped (a request waits for room
 * when {@value #SLOTS} lines are waiting), and {@link #close()} writes every line published before it.
 * <p>
 * Through logback, each line cost a logging event, its message string, logback's appender loop and two arrays on
 * the writer: about 8 % of the token call's throughput in the benchmark (1.7 % this way, README).
 */
final class AccessLines implements AutoCloseable {
    static final int SLOTS = 16_384;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final int BUFFER = 64 * 1024;

    /** One line's facts, in a slot reused for ever. */
    static final class Line {
        long time;
        String verb;
        String path;
        String query;
        int status;
        long millis;
        AccessLog.CallFacts facts;

        /** Forgets what the line referred to, so a slot holds no request's objects once written. */
        void clear() {
            verb = null;
            path = null;
            query = null;
            facts = null;
        }
    }

    private final RingBuffer<Line> ring;
    private final BatchEventProcessor<Line> processor;
    private final Thread thread;

    AccessLines() {
        ring = RingBuffer.createMultiProducer(Line::new, SLOTS,
                new SleepingWaitStrategy(0, TimeUnit.MILLISECONDS.toNanos(10)));
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), new Writer());
        // a line that could not be written is skipped; the default handler would stop the writer, and the requests
        // with it once the ring is full
        processor.setExceptionHandler(new IgnoreExceptionHandler());
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "pat-access-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands one line to the writer; waits for room only when {@value #SLOTS} lines are waiting. */
    void publish(String verb, String path, String query, int status, long millis, AccessLog.CallFacts facts) {
        long sequence = ring.next();
        try {
            Line line = ring.get(sequence);
            line.time = System.currentTimeMillis();
            line.verb = verb;
            line.path = path;
            line.query = query;
            line.status = status;
            line.millis = millis;
            line.facts = facts;
        } finally {
            ring.publish(sequence);
        }
    }

    /** Writes every line published so far (waiting up to 10 s for them), then stops the writer. */
    @Override
    public void close() {
        long last = ring.getCursor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processor.getSequence().get() < last && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        processor.halt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Formats lines into one buffer and writes it at the end of each batch, or when it is full. */
    private static final class Writer implements EventHandler<Line> {
        private final ZoneId zone = ZoneId.systemDefault();
        private final StringBuilder text = new StringBuilder(512);
        private final byte[] buffer = new byte[BUFFER];
        private int used;
        private long stampMillis = Long.MIN_VALUE;
        private String stamp = "";

        @Override
        public void onEvent(Line line, long sequence, boolean endOfBatch) {
            text.setLength(0);
            if (line.time != stampMillis) {
                stampMillis = line.time;
                stamp = TIME.format(Instant.ofEpochMilli(line.time).atZone(zone));
            }
            text.append(stamp).append(" access ");
            AccessLog.appendLine(text, line.verb, line.path, line.query, line.status, line.millis, line.facts);
            text.append(System.lineSeparator());
            line.clear();
            append(text);
            if (endOfBatch) {
                flush();
            }
        }

        /** The line's characters as UTF-8: byte for byte while they are ASCII, as they nearly always are. */
        private void append(StringBuilder chars) {
            int length = chars.length();
            if (used + length * 3 > buffer.length) {
                flush();
            }
            for (int i = 0; i < length; i++) {
                char c = chars.charAt(i);
                if (c >= 0x80) {
                    appendEncoded(chars.substring(i).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buffer[used++] = (byte) c;
            }
        }

        private void appendEncoded(byte[] bytes) {
            if (used + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                write(bytes, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }

        private void flush() {
            if (used > 0) {
                write(buffer, used);
                used = 0;
            }
        }

        /** To standard output as it is at the write (as logback's console appender does). */
        private static void write(byte[] bytes, int length) {
            PrintStream out = System.out;
            out.write(bytes, 0, length);
            out.flush();
        }

        @Override
        public void onShutdown() {
            flush();
        }
    }
}
