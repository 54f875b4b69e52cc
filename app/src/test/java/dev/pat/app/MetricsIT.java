package dev.pat.app;

import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.persistence.Database;
import dev.pat.persistence.testing.DatabaseFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} after a scripted sequence: each counter moved by exactly what the sequence did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=" + PatApplication.SHELL_AUTOCONFIGURATION)
@Import(TestClockConfiguration.class)
class MetricsIT {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*})? (\\S+)$");

    @LocalServerPort
    int port;
    @Autowired
    AdministerAccounts admin;
    @Autowired
    PinnedClock clock;
    @Autowired
    Database database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", DatabaseFixture::freshSqliteUrl);
    }

    /** Every sample of the scrape, by name and labels as written. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(l -> !l.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        });
        return samples;
    }

    private static double value(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") || e.getKey().equals(name))
                .filter(e -> java.util.Arrays.stream(labels).allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name,
                                String... labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    @Test
    void each_outcome_moves_its_counter_by_exactly_what_happened() throws Exception {
        ApiClient api = new ApiClient(port);
        admin.createAccount(new Login("metrics@example.com"), new DisplayName("M"), Password.chosen(PASSWORD));
        String session = api.post(AUTH + "signin", params("login", "metrics@example.com", "password", PASSWORD))
                .text("session");
        String good = token(api, session, "31-12-2026");
        String expiring = token(api, session, "28-11-2026");
        String removed = token(api, session, "31-12-2026");
        long removedId = api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens").get(2)
                .get("id").asLong();
        assertThat(api.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD, "ids",
                Long.toString(removedId))).result()).isZero();
        database.followTokenChanges();
        Map<String, Double> before = scrape();

        call(api, good);
        call(api, good);
        clock.set(Instant.parse("2026-11-29T00:00:00Z"));
        try {
            call(api, expiring);
        } finally {
            clock.set(Instant.parse("2026-11-27T10:00:00Z"));
        }
        call(api, removed);
        String typo = good.substring(0, 10) + (good.charAt(10) == 'a' ? 'b' : 'a') + good.substring(11);
        call(api, typo);
        // well formed, checksum and all, but nobody's
        String unknown = TokenValue.generate(new SeededRandomness(7)).reveal();
        call(api, unknown);
        call(api, unknown);

        Map<String, Double> after = scrape();
        String verifications = "pat_verifications_total";
        assertThat(delta(before, after, verifications, "credential=\"token\"", "outcome=\"ok\"")).isEqualTo(2);
        assertThat(delta(before, after, verifications, "outcome=\"expired\"")).isEqualTo(1);
        assertThat(delta(before, after, verifications, "outcome=\"removed\"")).isEqualTo(1);
        assertThat(delta(before, after, verifications, "outcome=\"malformed\"")).isEqualTo(1);
        assertThat(delta(before, after, verifications, "outcome=\"unknown\"")).isEqualTo(2);
        assertThat(delta(before, after, "pat_token_cache_hits_total")).as("the good token's second call").isEqualTo(1);
        assertThat(delta(before, after, "pat_token_cache_negative_hits_total")).as("the unknown one, again")
                .isEqualTo(1);
        assertThat(delta(before, after, "pat_token_cache_misses_total"))
                .as("good, expired, removed and unknown, each once; the typo is refused before any lookup")
                .isEqualTo(4);
        assertThat(delta(before, after, "pat_api_calls_total", "method=\"environment.Control.GetEnvs\"",
                "result=\"0\"")).isEqualTo(2);
        assertThat(delta(before, after, "pat_api_calls_total", "method=\"environment.Control.GetEnvs\"",
                "result=\"702\"")).isEqualTo(5);
        assertThat(after).containsKey("pat_password_hashes_in_flight").containsKey("pat_token_changes_followed")
                .containsKey("pat_token_changes_lag_seconds");
        assertThat(delta(before, after, "pat_api_duration_seconds_count",
                "method=\"environment.Control.GetEnvs\"")).as("each answer timed, by method").isEqualTo(7);
        assertThat(after.keySet()).as("the platform API is timed by PAT alone, not by Boot's observation too")
                .noneMatch(k -> k.startsWith("http_server_requests") && k.contains("/1.0/"));
        assertThat(after.keySet()).as("the JVM's meters stay; Tomcat's (sessions PAT never keeps) are left out")
                .anyMatch(k -> k.startsWith("jvm_memory_used_bytes")).noneMatch(k -> k.startsWith("tomcat_"));
        assertThat(after.keySet()).as("log events by level, as Micrometer's Logback meter names them")
                .contains("logback_events_total{level=\"warn\"}", "logback_events_total{level=\"error\"}");
        String all = after.keySet().toString();
        assertThat(all).doesNotContain("metrics@example.com").doesNotContain(good).doesNotContain(session);
    }

    private static String token(ApiClient api, String session, String expiresAt) {
        ApiClient.Answer created = api.post(AUTH + "createtoken", params("session", session, "password", PASSWORD,
                "description", "m", "tokenTemplate", "IDE Plugins", "expiresAt", expiresAt));
        assertThat(created.result()).as(created.body().toString()).isZero();
        return created.body().get("token").get("key").asString();
    }

    private static void call(ApiClient api, String token) {
        api.get(ENV + "getenvs", params("session", token));
    }
}
