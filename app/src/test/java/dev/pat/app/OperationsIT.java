package dev.pat.app;

import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.persistence.testing.DatabaseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** What an operator relies on: JSON logs that parse and hide secrets, and a shutdown that loses nothing. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String PASSWORD = "correct horse battery";

    private static ConfigurableApplicationContext serve(String url, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--pat.db.url=" + url;
        args[2] = "--pat.attempts.free-per-address=1000";
        System.arraycopy(more, 0, args, 3, more.length);
        return PatApplication.application(new String[] {"serve"}).run(args);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** Signs in and generates a token; answers {session, token}. */
    private static String[] sessionAndToken(ConfigurableApplicationContext app, ApiClient api) {
        app.getBean(AdministerAccounts.class).createAccount(new Login("ops@example.com"), new DisplayName("Ops"),
                Password.chosen(PASSWORD));
        String session = api.post(AUTH + "signin", params("login", "ops@example.com", "password", PASSWORD))
                .text("session");
        String token = api.post(AUTH + "createtoken", params("session", session, "password", PASSWORD,
                "description", "ops", "tokenTemplate", "IDE Plugins")).body().get("token").get("key").asString();
        return new String[] {session, token};
    }

    @Test
    void json_logs_parse_line_by_line_and_carry_no_secret(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = serve(DatabaseFixture.freshSqliteUrl(),
                "--spring.profiles.active=" + PatApplication.JSON_LOGS)) {
            ApiClient api = new ApiClient(port(app));
            String[] credentials = sessionAndToken(app, api);
            api.get(ENV + "getenvs", params("session", credentials[1], "marker", "json-logs"));
            api.get(AUTH + "signin", params("login", "ops@example.com", "password", "a wrong password"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!output.getOut().contains("a%20wrong") && !output.getOut().contains("signin?login")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            JsonMapper json = JsonMapper.builder().build();
            List<String> lines = output.getOut().lines().filter(l -> !l.isBlank()).filter(l -> l.startsWith("{"))
                    .toList();
            assertThat(lines).as("every log line since the JSON logging began").hasSizeGreaterThan(5);
            List<JsonNode> parsed = lines.stream().map(json::readTree).toList();
            JsonNode access = parsed.stream().filter(l -> l.path("message").asString().contains("marker=json-logs"))
                    .findFirst().orElseThrow();
            // the access log's facts are fields of their own (ECS nests dotted names)
            assertThat(access.path("client").path("address").asString()).isEqualTo("127.0.0.1");
            assertThat(access.path("pat").path("method").asString()).isEqualTo("environment.Control.GetEnvs");
            assertThat(access.path("pat").path("result").asInt(-1)).isZero();
            assertThat(access.path("pat").path("account").asLong()).isPositive();
            assertThat(access.path("pat").path("token").asLong()).isPositive();
            String all = String.join("\n", lines);
            assertThat(all).doesNotContain(credentials[0]).doesNotContain(credentials[1]).doesNotContain(PASSWORD)
                    .doesNotContain("a wrong password");
        }
    }

    @Test
    void a_shutdown_lets_requests_in_flight_finish_then_writes_last_use_and_stops_every_thread() throws Exception {
        String url = DatabaseFixture.freshSqliteUrl();
        // other tests' applications may run in this JVM: only this one's threads count
        java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        ConfigurableApplicationContext app = serve(url, "--pat.last-used.flush-interval=1h");
        ApiClient api = new ApiClient(port(app));
        String[] credentials = sessionAndToken(app, api);
        assertThat(api.get(ENV + "getenvs", params("session", credentials[1])).result()).isZero();

        String body = "session=" + credentials[1];
        try (Socket socket = new Socket("127.0.0.1", port(app))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ENV + "getenvs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
            Thread.sleep(500);
            assertThat(closing).as("the shutdown waits for the request in flight").isNotDone();
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\"result\":0");
            closing.get(30, TimeUnit.SECONDS);
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the change feed, flushers and counters stopped")
                .noneMatch(t -> t.getName().startsWith("pat-") && t.isAlive() && !before.contains(t));
        try (Connection db = DriverManager.getConnection(url);
             ResultSet rs = db.createStatement().executeQuery("SELECT last_used FROM access_tokens")) {
            assertThat(rs.next()).isTrue();
            rs.getLong(1);
            assertThat(rs.wasNull()).as("last use written at shutdown (the flush interval is an hour)").isFalse();
        }
    }
}
