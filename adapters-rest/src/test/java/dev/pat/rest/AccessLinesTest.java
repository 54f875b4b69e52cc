package dev.pat.rest;

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
 * The access log's writer: every line arrives whole and redacted, a thread's lines in order, none is lost when it
 * closes, and lines published together reach standard output in a few large writes rather than one each.
 */
class AccessLinesTest {
    static final int THREADS = 4;
    static final int LINES_PER_THREAD = 5_000;
    static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private void captureStandardOutput() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                writes.incrementAndGet();
                written.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                writes.incrementAndGet();
                written.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return Arrays.asList(written.toString(StandardCharsets.UTF_8).split(System.lineSeparator()));
    }

    @Test
    void lines_arrive_whole_and_in_order_in_few_writes_and_none_is_lost_at_close() throws Exception {
        captureStandardOutput();
        AccessLines log = new AccessLines();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < LINES_PER_THREAD; i++) {
                    log.publish("GET", "/1.0/x", "thread=" + thread + "&line=" + i, 200, 1, null);
                }
            });
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        log.close();

        List<String> lines = lines();
        assertThat(lines).hasSize(THREADS * LINES_PER_THREAD)
                .allMatch(l -> l.matches(TIME + " access GET /1\\.0/x\\?thread=\\d&line=\\d+ 200 1ms"), "whole");
        for (int t = 0; t < THREADS; t++) {
            String marker = "thread=" + t + "&line=";
            assertThat(lines.stream().filter(l -> l.contains(marker))
                    .map(l -> l.substring(l.indexOf(marker) + marker.length(), l.indexOf(" 200"))))
                    .as("thread %d's lines, in order", t)
                    .containsExactlyElementsOf(IntStream.range(0, LINES_PER_THREAD).mapToObj(Integer::toString)
                            .toList());
        }
        // 20,000 lines of ~80 bytes: one write per 64 KB buffer, plus one per batch the writer found waiting
        assertThat(writes.get()).as("writes to standard output for %d lines", lines.size())
                .isLessThan(lines.size() / 20);
    }

    @Test
    void a_line_carries_the_callers_ids_redacts_secrets_and_keeps_text_beyond_ascii() {
        captureStandardOutput();
        AccessLog.CallFacts facts = new AccessLog.CallFacts("envName=caf%C3%A9&session=pat_secret");
        facts.address = "203.0.113.9";
        facts.method = "environment.Control.GetEnvInfo";
        facts.result = 0;
        facts.account = 7;
        facts.token = 42;
        try (AccessLines log = new AccessLines()) {
            log.publish("GET", "/1.0/environment/control/rest/getenvinfo", facts.query, 200, 3, facts);
            log.publish("POST", "/1.0/x", "name=café&password=hunter2", 200, 0, null);
        }
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).matches(TIME + " access GET /1\\.0/environment/control/rest/getenvinfo"
                + "\\?envName=caf%C3%A9&session=\\[redacted] 200 3ms"
                + " from=203\\.0\\.113\\.9 result=0 account=7 token=42");
        assertThat(lines().get(1)).endsWith(" access POST /1.0/x?name=café&password=[redacted] 200 0ms");
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("pat_secret").doesNotContain("hunter2");
    }
}
