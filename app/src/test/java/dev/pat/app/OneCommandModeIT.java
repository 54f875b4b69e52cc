package dev.pat.app;

import dev.pat.persistence.testing.DatabaseFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pat <command>}: the real main in its own process, with standard input, output, error and exit
 * status as a script sees them (no terminal attached, so passwords are one line of standard input).
 */
class OneCommandModeIT {
    private static final Pattern VALUE = Pattern.compile("pat_[0-9A-Za-z]{46}");
    private final String database = DatabaseFixture.freshSqliteUrl();

    record Result(int exit, String out, String err) {
    }

    Result pat(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), PatApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PAT_DB_URL", database);
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void serve_starts_the_api_and_answers_health() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), PatApplication.class.getName(), "serve", "--port",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PAT_DB_URL", database);
        Process server = builder.start();
        try {
            ApiClient api = new ApiClient(port);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            ApiClient.Answer health = null;
            while (health == null) {
                assertThat(server.isAlive()).as("the server process is running").isTrue();
                assertThat(System.nanoTime()).as("the server answered in time").isLessThan(deadline);
                try {
                    health = api.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api.base() + "/actuator/health")).GET());
                } catch (IllegalStateException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(health.body().get("status").asString()).isEqualTo("UP");
            assertThat(api.get("/1.0/environment/control/rest/getenvs", ApiClient.params("session", "pat_x"))
                    .result()).isEqualTo(702);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void one_command_at_a_time_with_exit_statuses_scripts_can_trust() throws Exception {
        Result created = pat("correct horse battery\n", "account", "create", "--login", "ann@example.com",
                "--name", "Ann Smith");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created account 1 for ann@example.com.");
        assertThat(created.err()).isEmpty();

        Result generated = pat("correct horse battery\n", "token", "generate", "--login", "ann@example.com",
                "--description", "deploy from CI", "--expires-at", ApiClient.inDays(90), "--api-set", "IDE Plugins");
        assertThat(generated.exit()).as(generated.err()).isZero();
        Matcher value = VALUE.matcher(generated.out());
        assertThat(value.find()).isTrue();

        Result listed = pat("correct horse battery\n", "token", "list", "--login", "ann@example.com", "--json");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("\"description\" : \"deploy from CI\"").doesNotContain(value.group());

        Result wrong = pat("not the password\n", "token", "remove", "--login", "ann@example.com", "--ids", "1");
        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(wrong.err()).contains("error: authentication failed");
        assertThat(wrong.out()).doesNotContain("Removed");

        Result noInput = pat(null, "token", "remove", "--login", "ann@example.com", "--ids", "1");
        assertThat(noInput.exit()).isEqualTo(130);
        assertThat(noInput.err()).contains("abandoned: no password given; nothing was changed");

        Result unknown = pat(null, "tokens", "lst");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command \"tokens\" (did you mean \"token\"?)");
    }
}
