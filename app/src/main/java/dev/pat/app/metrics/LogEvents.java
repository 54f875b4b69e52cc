package dev.pat.app.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.LoggerFactory;

/**
 * {@code logback.events{level}}, the meter Micrometer's {@code LogbackMetrics} registers, counted by an appender on
 * the root logger instead of by a turbo filter. Logback asks a turbo filter about every line of every logger before
 * anything else, and Micrometer's sets and clears a thread-local each time: on the access log's line per request
 * that was over a tenth of the log's cost. The access log's lines are not counted (its logger does not pass them to
 * the root logger); {@code pat_api_calls_total} and {@code http_server_requests} count those requests.
 */
public final class LogEvents implements MeterBinder, AutoCloseable {
    static final String APPENDER = "LOG_EVENTS_METER";
    private CountingAppender appender;

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        CountingAppender counting = new CountingAppender(registry);
        counting.setName(APPENDER);
        counting.setContext(context);
        counting.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(counting);
        appender = counting;
    }

    @Override
    public void close() {
        if (appender != null && appender.getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }

    private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        private final Counter error;
        private final Counter warn;
        private final Counter info;
        private final Counter debug;
        private final Counter trace;

        CountingAppender(MeterRegistry registry) {
            error = counter(registry, "error");
            warn = counter(registry, "warn");
            info = counter(registry, "info");
            debug = counter(registry, "debug");
            trace = counter(registry, "trace");
        }

        private static Counter counter(MeterRegistry registry, String level) {
            return Counter.builder("logback.events").tag("level", level)
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit("events").register(registry);
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                default -> trace.increment();
            }
        }
    }
}
