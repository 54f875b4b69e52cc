package dev.pat.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's appenders as PAT puts them together ({@link AccessLogging}): every line arrives whole, none is lost when
 * the appender stops at shutdown, and lines logged together reach standard output in a few large writes rather
 * than one system call each.
 */
class BufferedStdoutAppenderTest {
    static final int THREADS = 4;
    static final int LINES_PER_THREAD = 5_000;

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    @Test
    void lines_arrive_whole_in_few_writes_and_none_is_lost_at_stop() throws Exception {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                writes.incrementAndGet();
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.incrementAndGet();
                written.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("access %msg%n");
        encoder.start();
        AccessLogging.attach(context, encoder);
        ch.qos.logback.classic.Logger log = context.getLogger(AccessLogging.LOGGER);
        var async = (LoggingEventAsyncDisruptorAppender) log.getAppender(AccessLogging.APPENDER);

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < LINES_PER_THREAD; i++) {
                    log.info("GET /1.0/x 200 thread={} line={}", thread, i);
                }
            });
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        async.stop();

        List<String> lines = Arrays.asList(written.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(THREADS * LINES_PER_THREAD).allMatch(l -> l.matches(
                "access GET /1\\.0/x 200 thread=\\d line=\\d+"));
        for (int t = 0; t < THREADS; t++) {
            String prefix = "access GET /1.0/x 200 thread=" + t + " line=";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())))
                    .as("thread %d's lines, in order", t)
                    .containsExactlyElementsOf(IntStream.range(0, LINES_PER_THREAD).mapToObj(Integer::toString)
                            .toList());
        }
        // 20,000 lines of ~40 bytes: one write per 64 KB buffer, plus one per batch the writer found waiting
        assertThat(writes.get()).as("writes to standard output for %d lines", lines.size())
                .isLessThan(lines.size() / 20);
    }
}
