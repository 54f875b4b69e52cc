package dev.pat.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.util.Duration;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import java.nio.charset.StandardCharsets;

/**
 * The access log's logger, {@value #LOGGER}, set up once Boot has made its logging set-up (Boot's defaults for
 * everything else, configured in code, so no logging configuration file is parsed at start: logback's XML
 * configurator and the JDK's XML parser are some 500 classes loaded into every process). Its level switches the
 * access log (INFO unless {@code logging.level.pat.access} says otherwise) and its lines never reach the root logger.
 * <p>
 * Plain lines are written by the REST adapter's own writer, without logback. With the profile {@code json-logs}
 * (PAT_LOG_FORMAT=json) the lines are JSON in Elastic Common Schema, as Boot's console lines then are
 * ({@code application-json-logs.properties}), written by logback: handed to a background thread through a lock-free
 * ring (the LMAX Disruptor) so that logging never holds up a request, and written to standard output a batch at a
 * time, one system call for all the lines waiting (nothing is dropped: a request waits for room when 16,384 lines
 * are waiting).
 */
public class AccessLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    public static final String LOGGER = "pat.access";
    static final String APPENDER = "ACCESS";
    /** The profile that writes logs as JSON lines. */
    public static final String JSON_LOGS = "json-logs";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger logger = context.getLogger(LOGGER);
        if (logger.getAppender(APPENDER) != null) {
            return; // Boot kept its set-up from an application before this one in the same process
        }
        if (event.getEnvironment().matchesProfiles(JSON_LOGS)) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat("ecs");
            structured.setCharset(StandardCharsets.UTF_8);
            structured.setContext(context);
            structured.start();
            attach(context, structured);
        } else {
            quiet(logger);
        }
    }

    /** Its lines go to its own appenders only, never to the root logger's; INFO unless configured otherwise. */
    private static void quiet(Logger logger) {
        logger.setAdditive(false);
        if (logger.getLevel() == null) {
            logger.setLevel(Level.INFO); // unless logging.level.pat.access said otherwise
        }
    }

    /** The logger {@value #LOGGER} writing through the ring and the buffered standard output with this encoder. */
    static void attach(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        BufferedStdoutAppender<ILoggingEvent> stdout = new BufferedStdoutAppender<>();
        stdout.setName("ACCESS_CONSOLE");
        stdout.setContext(context);
        stdout.setEncoder(encoder);
        stdout.start();
        LoggingEventAsyncDisruptorAppender ring = new LoggingEventAsyncDisruptorAppender();
        ring.setName(APPENDER);
        ring.setContext(context);
        ring.setRingBufferSize(16_384);
        // a full ring: the request waits for room (retrying every 5 ms), rather than the line being dropped
        ring.setAppendTimeout(new Duration(-1));
        // requests never wake the writer: it sleeps 10 ms whenever it has caught up, then writes everything that
        // came meanwhile with one system call (a line appears within about 10 ms)
        ring.setWaitStrategyType("sleeping{0,10000000}");
        ring.addAppender(stdout);
        ring.start();
        Logger logger = context.getLogger(LOGGER);
        quiet(logger);
        logger.addAppender(ring);
    }

    /** Just after Boot's logging listener, which resets logback's context when it sets logging up. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
