package dev.pat.app;

import dev.pat.rest.RestAdapter;
import dev.pat.shell.ShellAdapter;
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
 * shell, interactive ({@code shell}) or one command and exit.
 */
@SpringBootApplication
@Import({CoreConfiguration.class, RestAdapter.class, ShellAdapter.class, WebAdapter.class})
public class PatApplication {
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
    static final String JSON_LOGS = "json-logs";

    static SpringApplication application(String[] args) {
        SpringApplication application = new SpringApplication(PatApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        if (args.length > 0 && args[0].equals("serve")) {
            application.setWebApplicationType(WebApplicationType.SERVLET);
            defaults.put("spring.autoconfigure.exclude", SHELL_AUTOCONFIGURATION);
        } else {
            application.setWebApplicationType(WebApplicationType.NONE);
            defaults.put("pat.shell.mode", isOneShot(args) ? "one-shot" : "interactive");
            if (isOneShot(args)) {
                // one command needs no line editor: no warning about a missing terminal in scripts
                System.setProperty("org.jline.terminal.dumb", "true");
                defaults.put("logging.level.org.jline", "error");
            }
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
