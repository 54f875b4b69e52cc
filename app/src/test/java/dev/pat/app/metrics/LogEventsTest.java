package dev.pat.app.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code logback.events{level}} counts the lines written, by level, as Micrometer's meter did; not the access log's. */
class LogEventsTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }

    @Test
    void counts_each_line_written_by_its_level_and_nothing_once_closed() {
        context.getLogger("dev.pat.test.counted").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger access = context.getLogger("dev.pat.test.access");
        access.setAdditive(false); // as the access log's logger is: its lines never reach the root logger
        Logger counted = LoggerFactory.getLogger("dev.pat.test.counted");
        try (LogEvents events = new LogEvents()) {
            events.bindTo(registry);
            counted.warn("one");
            counted.warn("two");
            counted.error("three");
            counted.info("four");
            counted.debug("below the logger's level: not written, not counted");
            access.info("GET / 200 1ms");

            assertThat(count("warn")).isEqualTo(2);
            assertThat(count("error")).isEqualTo(1);
            assertThat(count("info")).isEqualTo(1);
            assertThat(count("debug")).isZero();
            assertThat(count("trace")).isZero();
        }
        counted.warn("after close");
        assertThat(count("warn")).isEqualTo(2);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(LogEvents.APPENDER)).isNull();
    }
}
