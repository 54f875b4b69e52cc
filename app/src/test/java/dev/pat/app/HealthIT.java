package dev.pat.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/health} tells whether the database answers and whether this node follows token changes. */
class HealthIT {

    private static ApiClient.Answer health(ApiClient api) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")).GET());
    }

    @Test
    void health_is_down_when_the_database_is_unreachable_and_shows_the_change_feed() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (ConfigurableApplicationContext app = PatApplication.application(new String[] {"serve"}).run(
                "--server.port=0", "--pat.db.url=" + postgres.getJdbcUrl("postgres", "postgres"))) {
            ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            ApiClient.Answer up = health(api);
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.text("status")).isEqualTo("UP");
            assertThat(up.body().get("components").get("database").get("status").asString()).isEqualTo("UP");
            assertThat(up.body().get("components").get("tokenChanges").get("details").get("following").asBoolean())
                    .isTrue();

            postgres.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            ApiClient.Answer down = health(api);
            while (!"DOWN".equals(down.text("status"))) {
                assertThat(System.nanoTime()).as("health turned DOWN").isLessThan(deadline);
                Thread.sleep(200);
                down = health(api);
            }
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("components").get("database").get("status").asString()).isEqualTo("DOWN");
            while (down.body().get("components").get("tokenChanges").get("details").get("following").asBoolean()) {
                assertThat(System.nanoTime()).as("the feed is reported lost").isLessThan(deadline);
                Thread.sleep(200);
                down = health(api);
            }
            assertThat(down.body().get("components").get("tokenChanges").get("details").get("tokenCache")
                    .asString()).isEqualTo("bypassed");
        } finally {
            postgres.close();
        }
    }
}
