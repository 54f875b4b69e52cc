package dev.pat.app;

import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.persistence.testing.DatabaseFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server under hostile traffic, on loopback: floods of guesses, huge and slow bodies, malformed requests,
 * too many calls. Calls say where they come from through X-Forwarded-For, which this server trusts from loopback
 * only because its operator said so ({@code pat.http.trusted-proxies}).
 */
@ExtendWith(OutputCaptureExtension.class)
class AbuseIT {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static ConfigurableApplicationContext server;
    private static ApiClient api;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serve() {
        server = PatApplication.application(new String[] {"serve"}).run("--server.port=0",
                "--pat.db.url=" + DatabaseFixture.freshSqliteUrl(), "--pat.http.trusted-proxies=127.0.0.1/32",
                "--pat.http.body-timeout=3s", "--pat.limits.unauthenticated-per-address=40",
                "--logging.level.pat.access=warn");
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        api = new ApiClient(port);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String newAccount() {
        String login = "owner" + ACCOUNTS.incrementAndGet() + "@example.com";
        server.getBean(AdministerAccounts.class).createAccount(new Login(login), new DisplayName("Owner"),
                Password.chosen(PASSWORD));
        return login;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String login, String password, String from) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api.base() + AUTH + "signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.form(params("login", login,
                        "password", password)))));
    }

    @Test
    void a_flood_of_wrong_passwords_from_one_address_does_not_stop_the_owner_signing_in_from_another()
            throws Exception {
        String login = newAccount();
        int refusedAsTooMany = 0;
        for (int i = 0; i < 60; i++) {
            String body = signIn(login, "guess number " + i, "203.0.113.66").body();
            // wrong (701), or told to wait: too many guesses (705) or too many calls (707)
            assertThat(body).containsAnyOf("\"result\":701", "\"result\":705", "\"result\":707");
            refusedAsTooMany += body.contains("\"result\":701") ? 0 : 1;
        }
        assertThat(refusedAsTooMany).as("the flooding address is made to wait").isGreaterThan(40);
        HttpResponse<String> owner = signIn(login, PASSWORD, "198.51.100.20");
        assertThat(owner.body()).contains("\"result\":0").contains("\"session\"");
        HttpResponse<String> flooder = signIn(login, PASSWORD, "203.0.113.66");
        assertThat(flooder.body()).containsAnyOf("\"result\":705", "\"result\":707");
        assertThat(flooder.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void an_11_mb_json_body_is_refused_before_it_is_read() throws Exception {
        byte[] huge = ("{\"description\":\"" + "a".repeat(11_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(api.base() + AUTH + "createtoken"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"result\":4").contains("body: larger than 256 KB");
        assertThat(took).as("refused fast").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void slow_bodies_do_not_starve_the_calls_of_others_and_log_no_error(CapturedOutput log) throws Exception {
        String login = newAccount();
        String session = api.post(AUTH + "signin", params("login", login, "password", PASSWORD)).text("session");
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + AUTH + "signin HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                        + " application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nl")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                for (Socket socket : slow.subList(0, 10)) {
                    socket.getOutputStream().write('o');
                }
                long start = System.nanoTime();
                ApiClient.Answer answer = api.get(ENV + "getenvs", params("session", session));
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(answer.result()).isZero();
            }
            Collections.sort(millis);
            System.out.printf("with 250 slow bodies open, 30 other calls answered in p50 %d ms, max %d ms%n",
                    millis.get(15), millis.get(29));
            assertThat(millis.get(29)).as("the slowest other call, in ms").isLessThan(2_000);

            // the slow ones are cut off when their time is up, with an answer and no error
            Socket first = slow.get(0);
            first.setSoTimeout(10_000);
            String cutOff = new String(readSome(first.getInputStream()), StandardCharsets.UTF_8);
            assertThat(cutOff).contains("body: not received within 3 seconds");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        Thread.sleep(500);
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("Exception");
    }

    /** A request written by hand, for what an HTTP client refuses to send; answers what came back. */
    private static String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int read = in.read(buffer);
        return read < 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, read);
    }

    @Test
    void calls_without_valid_credentials_are_limited_per_address_and_say_when_to_retry() throws Exception {
        String login = newAccount();
        String session = api.post(AUTH + "signin", params("login", login, "password", PASSWORD)).text("session");
        String token = api.post(AUTH + "createtoken", params("session", session, "password", PASSWORD,
                "description", "ok", "tokenTemplate", "IDE Plugins", "expiresAt", ApiClient.inDays(30)))
                .body().get("token").get("key").asString();
        HttpResponse<String> last = null;
        for (int i = 0; i < 45; i++) {
            last = send(HttpRequest.newBuilder(URI.create(api.base() + ENV + "getenvs?session=pat_wrong" + i))
                    .header("X-Forwarded-For", "192.0.2.200"));
        }
        assertThat(last.body()).contains("\"result\":707").contains("retry after");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        HttpResponse<String> valid = send(HttpRequest.newBuilder(URI.create(api.base() + ENV + "getenvs?session="
                + token)).header("X-Forwarded-For", "192.0.2.200"));
        assertThat(valid.body()).as("a valid token still works from there").contains("\"result\":0");
        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(api.base() + ENV
                + "getenvs?session=pat_wrong")).header("X-Forwarded-For", "192.0.2.201"));
        assertThat(elsewhere.body()).contains("\"result\":702");
    }

    @Test
    void malformed_requests_are_answered_in_the_platforms_shape_naming_what_is_wrong() throws Exception {
        Map<String, String> cases = Map.of(
                ENV + "getenvs?session=a&session=b", "session: given more than once",
                ENV + "getenvinfo?envName=one&envName=two&session=x", "envName: given more than once",
                ENV + "getenvs?" + "p=1&".repeat(300), "parameters: more than 256 given");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(api.base() + c.getKey())));
            assertThat(answer.statusCode()).as(c.getKey()).isEqualTo(200);
            assertThat(answer.body()).as(c.getKey()).contains("\"result\":4").contains(c.getValue());
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        }
        assertThat(raw("GET " + ENV + "getenvs?session=%zz HTTP/1.1")).contains("\"result\":4")
                .contains("session: has a malformed %-encoding");
        HttpResponse<String> tooLong = send(HttpRequest.newBuilder(URI.create(api.base() + ENV + "getenvs?x="
                + "a".repeat(20_000))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(tooLong.body()).contains("\"result\":4");
        for (String path : List.of("/nothing/here", "/error", "/1.0/x", ENV + "explode")) {
            HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(api.base() + path)));
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.body()).as(path).startsWith("{\"result\":4,").contains("unknown method");
        }
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(api.base() + ENV + "getenvs"))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(put.body()).contains("\"result\":4").contains("GET or POST");
    }
}
