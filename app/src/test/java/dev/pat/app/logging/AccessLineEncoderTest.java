package dev.pat.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's own line writer writes, byte for byte, what the pattern it replaced wrote. */
class AccessLineEncoderTest {

    @Test
    void writes_what_the_pattern_wrote_for_any_time_and_message() {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} access %msg%n");
        pattern.setCharset(StandardCharsets.UTF_8);
        pattern.start();
        AccessLineEncoder encoder = new AccessLineEncoder();
        encoder.setContext(context);
        encoder.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("pat.access");
        Random random = new Random(29);
        long time = 1_795_000_000_000L;
        String[] messages = {"GET /1.0/environment/control/rest/getenvinfo?envName=a&session=[redacted] 200 0ms"
                + " from=127.0.0.1 result=0 account=7 token=12", "POST /1.0/users/authentication/rest/signin 200 3ms",
                "GET /caf\u00e9/\u65e5\u672c 404 0ms", ""};
        for (int i = 0; i < 2_000; i++) {
            // runs of lines in the same millisecond, then jumps of up to a day (through midnights and seconds)
            time += random.nextInt(4) == 0 ? random.nextInt(86_400_000) : random.nextInt(2);
            LoggingEvent event = new LoggingEvent(null, logger, Level.INFO, messages[i % messages.length], null, null);
            event.setTimeStamp(time);
            assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
                    .isEqualTo(new String(pattern.encode(event), StandardCharsets.UTF_8));
        }
        assertThat(encoder.headerBytes()).isNull();
        assertThat(encoder.footerBytes()).isNull();
    }
}
