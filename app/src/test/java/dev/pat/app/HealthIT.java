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

    private static ApiClient.Answer probe(ApiClient api, String group) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health/" + group)).GET());
    }

    private static void until(ApiClient api, String group, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(probe(api, group).text("status"))) {
            assertThat(System.nanoTime()).as(group + " turned " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void a_node_is_ready_only_with_its_schema_and_the_change_feed_and_stays_live_without_them() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext app = PatApplication.application(new String[] {"serve"}).run(
                     "--server.port=0", "--pat.db.url=" + postgres.getJdbcUrl("postgres", "postgres"))) {
            ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            until(api, "readiness", "UP");
            assertThat(probe(api, "readiness").body().get("components").has("schema")).isTrue();

            org.jdbi.v3.core.Jdbi raw = org.jdbi.v3.core.Jdbi.create(postgres.getPostgresDatabase());
            // the feed lost: a node that cannot follow token changes takes no traffic, but needs no restart
            raw.useHandle(h -> h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"));
            until(api, "readiness", "DOWN");
            assertThat(probe(api, "readiness").status()).isEqualTo(503);
            assertThat(probe(api, "liveness").text("status")).isEqualTo("UP");
            until(api, "readiness", "UP");

            // a schema behind this node (as a database restored from before its last migration would be)
            String newest = raw.withHandle(h -> h.createQuery("SELECT MAX(installed_rank) FROM flyway_schema_history")
                    .mapTo(String.class).one());
            raw.useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = false WHERE installed_rank = "
                    + newest));
            until(api, "readiness", "DOWN");
            assertThat(probe(api, "readiness").body().get("components").get("schema").get("status").asString())
                    .isEqualTo("DOWN");
            assertThat(probe(api, "liveness").text("status")).isEqualTo("UP");
            raw.useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = true WHERE installed_rank = "
                    + newest));
            until(api, "readiness", "UP");
        }
    }
}
