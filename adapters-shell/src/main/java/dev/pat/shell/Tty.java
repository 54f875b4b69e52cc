package dev.pat.shell;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The controlling terminal, where a person types: whether the standard streams are attached to it, and a masked
 * read from {@code /dev/tty} that works even when standard output goes to a pipe ({@code pat … --json | jq}).
 */
final class Tty {
    private static final Path DEVICE = Path.of("/dev/tty");
    private static final AtomicBoolean ECHO_OFF = new AtomicBoolean();

    static {
        // a Ctrl-C at a masked prompt ends the process: give the terminal its echo back on the way out
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ECHO_OFF.get()) {
                stty("echo");
            }
        }, "pat-tty-restore"));
    }

    private Tty() {
    }

    /** Whether standard input (0), output (1) or error (2) is a terminal. */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException noProcfs) {
            return System.console() != null;
        }
    }

    /**
     * Asks on the terminal with echo off, and answers the line typed; {@code null} at end of input (Ctrl-D).
     *
     * @throws IOException when there is no terminal to ask on
     */
    static char[] readMasked(String prompt) throws IOException {
        try (InputStream in = new FileInputStream(DEVICE.toFile());
             OutputStream out = new FileOutputStream(DEVICE.toFile())) {
            // echo off before the prompt shows, as getpass(3) does: an answer typed the moment the prompt appears
            // (a quick hand, a password manager, a script on a terminal) is never echoed
            ECHO_OFF.set(stty("-echo"));
            try {
                out.write(prompt.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return readLine(in);
            } finally {
                if (ECHO_OFF.getAndSet(false)) {
                    stty("echo");
                }
                out.write('\n');
                out.flush();
            }
        }
    }

    private static char[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && b != '\r') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(decoded.array(), '\0');
        return chars;
    }

    private static boolean stty(String setting) {
        try {
            Process stty = new ProcessBuilder("stty", setting).redirectInput(DEVICE.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return stty.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
