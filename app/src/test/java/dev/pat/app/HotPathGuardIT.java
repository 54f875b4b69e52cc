package dev.pat.app;

import ch.qos.logback.classic.LoggerContext;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PatFailure;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.persistence.testing.DatabaseFixture;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards of the HTTP path's cost that time nothing (timings live in bench/): the common refusals (702 no or
 * unknown session, 8 a method the token does not hold, 4 bad input) and the ordinary answers throw no exception
 * that fills a stack trace on the server's threads, as seen by the JVM's own flight recorder; nothing of Boot's
 * runs before the platform API answers, and no logback turbo filter sees each line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=" + PatApplication.SHELL_AUTOCONFIGURATION)
@Import(TestClockConfiguration.class)
class HotPathGuardIT {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    AdministerAccounts admin;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", DatabaseFixture::freshSqliteUrl);
    }

    /** A throwable created on a server thread, by its class. */
    record Thrown(String type) {
    }

    @Test
    void refusals_and_answers_on_the_hot_path_fill_no_stack_trace() throws Exception {
        ApiClient api = new ApiClient(port);
        admin.createAccount(new Login("guard@example.com"), new DisplayName("Guard"), Password.chosen(PASSWORD));
        String session = api.post(AUTH + "signin", params("login", "guard@example.com", "password", PASSWORD))
                .text("session");
        api.post(ENV + "createenvironment", params("session", session, "envName", "guard"));
        String token = api.post(AUTH + "createtoken", params("session", session, "password", PASSWORD,
                "description", "guard", "tokenTemplate", "Marketplace")).body().get("token").get("key").asString();
        // warm: the first calls load classes, which may throw and catch inside the JVM
        for (int i = 0; i < 20; i++) {
            calls(api, session, token);
        }

        List<Thrown> thrown = new CopyOnWriteArrayList<>();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.enable("jdk.JavaErrorThrow").withStackTrace();
            recording.onEvent(event -> {
                if (event.getThread() != null && event.getThread().getJavaName() != null
                        && event.getThread().getJavaName().startsWith("http-nio")) {
                    thrown.add(new Thrown(event.getClass("thrownClass").getName()));
                }
            });
            recording.startAsync();
            for (int i = 0; i < 50; i++) {
                calls(api, session, token);
            }
            // events reach the stream within its flush interval (a second)
            Thread.sleep(Duration.ofSeconds(3).toMillis());
        }
        assertThat(thrown).as("refusals are answered").isNotEmpty();
        assertThat(thrown).as("throwables created while serving 250 calls: only the core's failures")
                .allSatisfy(t -> assertThat(PatFailure.class.isAssignableFrom(Class.forName(t.type())))
                        .as(t.type()).isTrue());
        // and the core's failures never fill a stack trace (PatFailure turns it off)
        assertThat(List.of(new NotAuthenticated(NotAuthenticated.Reason.MISSING), new PermissionDenied("no"),
                new InvalidInput("envName", "required"))).allSatisfy(f -> assertThat(f.getStackTrace()).isEmpty());
    }

    @Test
    void boots_encoding_and_observation_filters_run_after_the_platform_api_which_answers_its_calls_itself() {
        int api = order("dev.pat.rest.PlatformApiFilter");
        assertThat(order(ServerHttpObservationFilter.class.getName())).isGreaterThan(api);
        assertThat(context.getBean(OrderedCharacterEncodingFilter.class).getOrder()).isGreaterThan(api);
    }

    /** The order of the filter registered as a bean of this class. */
    private int order(String filterClass) {
        return context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(r -> r.getFilter().getClass().getName().equals(filterClass))
                .mapToInt(FilterRegistrationBean::getOrder).findFirst().orElseThrow();
    }

    @Test
    void no_turbo_filter_is_asked_about_every_log_line() {
        // logback asks each turbo filter about every line, the access log's line per request included, before
        // anything else; log events are counted by an appender instead (LogEvents)
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }

    private static void calls(ApiClient api, String session, String token) {
        assertThat(api.get(ENV + "getenvinfo", params("envName", "guard", "session", token)).result()).isZero();
        assertThat(api.get(ENV + "getenvinfo", params("envName", "guard")).result()).isEqualTo(702);
        assertThat(api.get(ENV + "getenvinfo", params("envName", "guard", "session", "0123456789abcdef"))
                .result()).isEqualTo(702);
        assertThat(api.get(ENV + "deleteenv", params("envName", "guard", "session", token)).result())
                .isEqualTo(8);
        assertThat(api.get(ENV + "getenvinfo", params("session", session)).result()).isEqualTo(4);
    }
}
