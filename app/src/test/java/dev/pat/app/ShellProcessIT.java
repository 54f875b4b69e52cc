package dev.pat.app;

import dev.pat.persistence.testing.DatabaseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell as a person meets it at a terminal (a pseudo-terminal) and as a script meets it (pipes): masked
 * prompts even when output is piped, Ctrl-C and Ctrl-D, an owner-only history without secrets, colours only where
 * they belong, and help and version at the top level.
 */
class ShellProcessIT {
    private static final String PASSWORD = "correct horse battery";
    private final String database = DatabaseFixture.freshSqliteUrl();
    @TempDir
    Path config;

    record Result(int exit, String out, String err) {
    }

    Result pat(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), PatApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PAT_DB_URL", database);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()));
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private Map<String, String> env() {
        return Map.of("PAT_DB_URL", database, "XDG_CONFIG_HOME", config.toString());
    }

    @BeforeEach
    void ann() throws Exception {
        assertThat(pat(PASSWORD + "\n", Map.of(), "account", "create", "--login", "ann@example.com").exit()).isZero();
    }

    @Test
    void the_password_is_asked_on_the_terminal_and_masked_while_output_goes_to_a_pipe() throws Exception {
        try (Pty pty = Pty.pat(env(), "cat", "token", "list", "--login", "ann@example.com", "--json")) {
            pty.expect("Password for ann@example.com: ");
            pty.type(PASSWORD + "\n");
            assertThat(pty.exitStatus()).isZero();
            assertThat(pty.screen()).contains("[ ]").doesNotContain(PASSWORD);
        }
    }

    @Test
    void ctrl_c_clears_the_line_ctrl_d_leaves_and_the_history_keeps_no_secret() throws Exception {
        long started = System.currentTimeMillis() - 1000;
        try (Pty pty = Pty.pat(env(), null, "shell")) {
            pty.expect("pat> ");
            pty.type("signin --login ann@example.com\n");
            pty.expect("Password for ann@example.com: ");
            pty.type(PASSWORD + "\n");
            pty.expect("pat:ann@example.com> ");
            pty.type("token li\u0003");
            Thread.sleep(500);
            pty.type("whoami\n");
            pty.expect("Signed in as ann@example.com.");
            pty.type("token generate --description x --api-set Marketplace\n");
            pty.expect("Password (confirms the change): ");
            pty.type("\u0003");
            pty.expect("abandoned");
            pty.type("whoami\n");
            assertThat(pty.expect("Signed in as ann@example.com.\r\n").split("Signed in as ann@example.com\\.", -1))
                    .as("still signed in after both Ctrl-Cs").hasSizeGreaterThanOrEqualTo(3);
            Thread.sleep(500); // the prompt is back, the line editor reading keys one by one
            pty.type("hunter2-typed-as-a-command\n");
            pty.expect("unknown command \"hunter2-typed-as-a-command\"");
            pty.type("token generate --api-set IDE\\ Plugins --description spaced\n");
            pty.expect("Password (confirms the change): ");
            pty.type(PASSWORD + "\n");
            pty.expect("it will not be shown again.");
            assertThat(pty.screen()).contains("(IDE Plugins)");
            Thread.sleep(500);
            pty.type("\u0004");
            assertThat(pty.exitStatus()).isZero();
            assertThat(pty.screen()).doesNotContain(PASSWORD);
        }
        Path history = Pty.historyOf(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(history)).contains("signin --login ann@example.com", "whoami",
                "--description spaced").doesNotContain(PASSWORD).doesNotContain("hunter2");
        Path strayHistory = Path.of("pat.log");
        assertThat(!Files.exists(strayHistory) || Files.getLastModifiedTime(strayHistory).toMillis() < started)
                .as("no history written in the working directory").isTrue();
    }

    @Test
    void tables_and_colours_on_a_terminal_tab_separated_plain_text_for_a_pipe() throws Exception {
        try (Pty pty = Pty.pat(env(), null, "admin", "tokens")) {
            assertThat(pty.exitStatus()).isZero();
        }
        assertThat(pat(PASSWORD + "\n", Map.of(), "token", "generate", "--login", "ann@example.com",
                "--description", "ci", "--api-set", "Marketplace").exit()).isZero();
        try (Pty pty = Pty.pat(env(), null, "admin", "tokens")) {
            assertThat(pty.exitStatus()).isZero();
            assertThat(pty.screen()).contains("│", "ann@example.com");
        }
        Result piped = pat(null, Map.of(), "admin", "tokens");
        assertThat(piped.out()).startsWith("ann@example.com\t1\tci\tMarketplace\t").doesNotContain("│");

        assertThat(pat(null, Map.of(), "account", "create", "--login", "bob@example.com").exit()).isEqualTo(130);
        assertThat(pat(PASSWORD + "\n", Map.of(), "account", "create", "--login", "bob@example.com").exit()).isZero();
        try (Pty colours = Pty.pat(env(), null, "twofactor", "enable", "--login", "bob@example.com")) {
            colours.expect("Two-factor code: ");
            assertThat(colours.screen()).contains("\u001B[30;107m");
        }
        Map<String, String> noColor = new java.util.HashMap<>(env());
        noColor.put("NO_COLOR", "1");
        try (Pty plain = Pty.pat(noColor, null, "twofactor", "enable", "--login", "bob@example.com")) {
            String shown = plain.expect("Two-factor code: ");
            assertThat(shown).contains("otpauth://totp/", "█").doesNotContain("\u001B[");
        }
    }

    @Test
    void help_and_version_at_the_top_level_and_one_line_for_an_unknown_command() throws Exception {
        Result help = pat(null, Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("USAGE", "pat <command> [options]", "token generate");
        Result version = pat(null, Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).matches("pat \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
        Result unknown = pat(null, Map.of(), "tokn", "list");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().lines()).containsExactly("error: unknown command \"tokn\" (did you mean"
                + " \"token\"?); run 'pat help' for the list");
        assertThat(unknown.out()).isEmpty();
        Result completion = pat(null, Map.of(), "__complete", "token", "generate", "--api-set", "I");
        assertThat(completion.out()).isEqualTo("IDE Plugins\n");
        assertThat(pat(null, Map.of(), "completion", "--shell", "bash").out())
                .contains("complete -F _pat_complete pat");
    }

    @Test
    void the_otpauth_line_is_out_before_the_code_is_asked_when_nobody_is_at_a_terminal() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), PatApplication.class.getName(), "twofactor", "enable",
                "--login", "ann@example.com"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PAT_DB_URL", database);
        Process process = builder.start();
        try {
            StringBuilder seen = new StringBuilder();
            InputStream out = process.getInputStream();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (seen.indexOf("otpauth://") < 0 || seen.indexOf("\n", seen.indexOf("otpauth://")) < 0) {
                assertThat(System.nanoTime()).as("the otpauth line, while the process waits: " + seen)
                        .isLessThan(deadline);
                int b = out.read();
                assertThat(b).as("output ended before the otpauth line: " + seen).isNotNegative();
                seen.append((char) b);
            }
            assertThat(process.isAlive()).as("still waiting for the code").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }
}
