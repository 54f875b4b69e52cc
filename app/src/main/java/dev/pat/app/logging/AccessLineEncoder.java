package dev.pat.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The access log's line in plain text, {@code 2026-11-29T03:40:00.123Z access GET /1.0/... 200 1ms ...}: what the
 * pattern {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} access %msg%n} writes, made straight into the line's bytes (in
 * UTF-8). The pattern's layout builds each line through a chain of converters, a string buffer and a string, then
 * encodes it; this writer makes one array per line, the time's text made once per millisecond, which matters at tens
 * of thousands of lines a second on the writer thread.
 */
public class AccessLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final byte[] LABEL = " access ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private final ZoneId zone = ZoneId.systemDefault();
    /** The last millisecond's text: lines logged in the same millisecond share it. */
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, new byte[0]);

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] time = time(event.getTimeStamp());
        byte[] message = event.getFormattedMessage().getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[time.length + LABEL.length + message.length + END.length];
        System.arraycopy(time, 0, line, 0, time.length);
        System.arraycopy(LABEL, 0, line, time.length, LABEL.length);
        System.arraycopy(message, 0, line, time.length + LABEL.length, message.length);
        System.arraycopy(END, 0, line, line.length - END.length, END.length);
        return line;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private byte[] time(long millis) {
        Stamp stamp = last;
        if (stamp.millis != millis) {
            stamp = new Stamp(millis, TIME.format(Instant.ofEpochMilli(millis).atZone(zone))
                    .getBytes(StandardCharsets.US_ASCII));
            last = stamp;
        }
        return stamp.text;
    }

    private record Stamp(long millis, byte[] text) {
    }
}
