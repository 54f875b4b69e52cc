package dev.pat.app.logging;

import ch.qos.logback.core.OutputStreamAppender;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output through a 64 KB buffer, for the access log: with {@code immediateFlush} off a line costs no
 * system call of its own. The asynchronous appender in front of it (logstash-logback-encoder's
 * {@code LoggingEventAsyncDisruptorAppender}) flushes it at the end of every batch of lines it hands over, so a line
 * is written as soon as the writer thread has caught up, and under load one write carries many lines. Lines reach
 * {@code System.out} as it is at the flush (as logback's console appender does), and closing the appender flushes
 * without closing standard output.
 */
public class BufferedStdoutAppender<E> extends OutputStreamAppender<E> {
    static final int BUFFER = 64 * 1024;

    public BufferedStdoutAppender() {
        setImmediateFlush(false);
    }

    @Override
    public void start() {
        setOutputStream(new BufferedOutputStream(new CurrentStdout(), BUFFER) {
            @Override
            public void close() throws IOException {
                flush();
            }
        });
        super.start();
    }

    /** {@code System.out} as it is at each write, never closed. */
    private static final class CurrentStdout extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            System.out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            System.out.flush();
        }
    }
}
