package dev.pat.app;

import dev.pat.app.logging.AccessLogging;
import dev.pat.rest.RestAdapter;
import dev.pat.web.WebAdapter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The composition root and {@code main}: {@code serve} starts the platform API; anything else is the admin
 * shell, interactive ({@code shell}) or one command and exit. Tomcat's meters are left out: PAT keeps no HTTP
 * session, so they would only report {@code tomcat_sessions_*} at zero, and their binder builds the JVM's platform
 * MBean server (with JFR's) to look for others, about 160 classes in every server's memory. Micrometer's Logback
 * meter is replaced by {@link dev.pat.app.metrics.LogEvents} (the same meter, without a turbo filter asked about
 * every access log line).
 */
@SpringBootApplication(excludeName = {PatApplication.TOMCAT_METRICS, PatApplication.LOGBACK_METRICS})
@Import({CoreConfiguration.class, RestAdapter.class, WebAdapter.class})
public class PatApplication {
    static final String TOMCAT_METRICS =
            "org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration";
    static final String LOGBACK_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";
    static final String SHELL_AUTOCONFIGURATION =
            "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = application(args).run(applicationArguments(args));
        if (isOneShot(args)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    static boolean isOneShot(String[] args) {
        return args.length == 0 || !(args[0].equals("serve") || args[0].equals("shell"));
    }

    /** The profile that writes logs as JSON lines (Elastic Common Schema): PAT_LOG_FORMAT=json turns it on. */
    static final String JSON_LOGS = AccessLogging.JSON_LOGS;

    static SpringApplication application(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        SpringApplication application = new SpringApplication(serve ? PatApplication.class : ShellMode.class);
        Map<String, Object> defaults = new HashMap<>();
        if (serve) {
            application.setWebApplicationType(WebApplicationType.SERVLET);
            defaults.put("spring.autoconfigure.exclude", SHELL_AUTOCONFIGURATION);
        } else {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLazyInitialization(true);
            // Boot warms Jackson, validation and HTTP converters in a background thread: a shell command uses none
            // of them, and on two cores that thread slows the command down
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
            defaults.put("pat.shell.mode", isOneShot(args) ? "one-shot" : "interactive");
            defaults.put("logging.level.org.jline", "error");
            defaults.put("logging.level.root", "warn");
            application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        }
        application.setDefaultProperties(defaults);
        if ("json".equalsIgnoreCase(System.getenv("PAT_LOG_FORMAT"))) {
            application.setAdditionalProfiles(JSON_LOGS);
        }
        return application;
    }

    /**
     * {@code serve --port N} is {@code --server.port=N}; the words serve and shell are modes, not arguments; in
     * one-command mode the arguments are the command.
     */
    static String[] applicationArguments(String[] args) {
        if (args.length > 0 && args[0].equals("shell")) {
            return new String[0];
        }
        if (args.length == 0 || !args[0].equals("serve")) {
            return args;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (int i = 0; i < rest.length; i++) {
            if (rest[i].equals("--port") && i + 1 < rest.length) {
                rest[i] = "--server.port=" + rest[i + 1];
                rest[i + 1] = "";
            }
        }
        return Arrays.stream(rest).filter(a -> !a.isEmpty()).toArray(String[]::new);
    }
}
