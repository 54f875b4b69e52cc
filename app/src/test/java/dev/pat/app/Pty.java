package dev.pat.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PAT's main run under a pseudo-terminal (util-linux {@code script}), typed at as a person would: what the
 * terminal shows, echo included, is what {@link #screen()} holds.
 */
final class Pty implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final StringBuffer screen = new StringBuffer();

    private Pty(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code pat ARGS} (then {@code | pipe}, if given) on a terminal, with these variables set. */
    static Pty pat(Map<String, String> env, String pipe, String... args) throws IOException {
        // a terminal of 100 columns (script's own has none, which a line editor cannot draw in)
        StringBuilder command = new StringBuilder("stty cols 100 rows 40; exec ");
        for (String word : List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), PatApplication.class.getName())) {
            command.append(quoted(word)).append(' ');
        }
        for (String arg : args) {
            command.append(quoted(arg)).append(' ');
        }
        String line = pipe == null ? command.toString() : "(" + command + ") | " + pipe;
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("TERM", "xterm");
        return new Pty(builder.start());
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Waits until the terminal shows {@code text}; answers all it shows. */
    String expect(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (screen.indexOf(text) < 0) {
            assertThat(System.nanoTime()).as("waited for '" + text + "'; the terminal shows:\n" + screen)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        return screen.toString();
    }

    void type(String keysTyped) throws IOException {
        keys.write(keysTyped.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    int exitStatus() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended; it showed:\n" + screen).isTrue();
        return process.exitValue();
    }

    String screen() {
        return screen.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static Path historyOf(Path config) {
        return config.resolve("pat").resolve("history");
    }
}
