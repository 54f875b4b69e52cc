package dev.pat.app;

import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.persistence.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances behind one PostgreSQL, as several stateless nodes would run: a token removed through one
 * instance is refused by the other, which had it cached, within milliseconds (LISTEN/NOTIFY, no TTL).
 */
class TwoAppInstancesIT {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String PASSWORD = "correct horse battery";
    private static final int ROUNDS = 20;

    private static ConfigurableApplicationContext serve(String databaseUrl) {
        return PatApplication.application(new String[] {"serve"}).run("--server.port=0",
                "--pat.db.url=" + databaseUrl, "--logging.level.pat.access=warn");
    }

    private static ApiClient client(ConfigurableApplicationContext instance) {
        return new ApiClient(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void a_token_removed_through_one_instance_is_refused_by_the_other_at_once() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabaseUrl();
        List<Long> delaysMicros = new ArrayList<>();
        try (ConfigurableApplicationContext first = serve(url); ConfigurableApplicationContext second = serve(url)) {
            ApiClient a = client(first);
            ApiClient b = client(second);
            first.getBean(AdministerAccounts.class).createAccount(new Login("ann@example.com"),
                    new DisplayName("Ann"), Password.chosen(PASSWORD));
            String session = a.post(AUTH + "signin", params("login", "ann@example.com", "password", PASSWORD))
                    .text("session");
            for (int round = 0; round < ROUNDS; round++) {
                ApiClient.Answer created = a.post(AUTH + "createtoken", params("session", session,
                        "password", PASSWORD, "description", "round " + round, "tokenTemplate", "IDE Plugins",
                        "expiresAt", ApiClient.inDays(90)));
                String token = created.body().get("token").get("key").asString();
                String id = Long.toString(created.body().get("token").get("id").asLong());
                assertThat(b.get(ENV + "getenvs", params("session", token)).result()).isZero();
                assertThat(b.get(ENV + "getenvs", params("session", token)).result()).isZero();

                assertThat(a.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD,
                        "ids", id)).result()).isZero();
                long removed = System.nanoTime();
                long deadline = removed + Duration.ofSeconds(5).toNanos();
                while (b.get(ENV + "getenvs", params("session", token)).result() != 702) {
                    assertThat(System.nanoTime()).as("the other instance still lets a removed token in")
                            .isLessThan(deadline);
                }
                delaysMicros.add((System.nanoTime() - removed) / 1_000);
            }
        }
        Collections.sort(delaysMicros);
        System.out.printf("two app instances on PostgreSQL: a removal refused by the other instance after p50 %d µs,"
                + " p99 %d µs (%d rounds, each measured over HTTP)%n", delaysMicros.get(ROUNDS / 2),
                delaysMicros.get(ROUNDS - 1), ROUNDS);
        assertThat(delaysMicros).hasSize(ROUNDS);
        // measured here: p99 about 30 ms over HTTP; the bound is generous, for a loaded 2-core machine
        assertThat(delaysMicros.get(ROUNDS - 1)).as("p99 µs").isLessThan(1_000_000);
    }
}
