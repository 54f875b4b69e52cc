package dev.pat.app;

import dev.pat.rest.RestAdapter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The composition root and {@code main}: {@code serve} starts the platform API; anything else is the admin
 * shell, interactive ({@code shell}) or one command and exit.
 */
@SpringBootApplication
@Import({CoreConfiguration.class, RestAdapter.class})
public class PatApplication {
    static final String SHELL_AUTOCONFIGURATION = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration";

    public static void main(String[] args) {
        application(args).run(serverArguments(args));
    }

    static SpringApplication application(String[] args) {
        SpringApplication application = new SpringApplication(PatApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        if (args.length > 0 && args[0].equals("serve")) {
            application.setWebApplicationType(WebApplicationType.SERVLET);
            defaults.put("spring.autoconfigure.exclude", SHELL_AUTOCONFIGURATION);
        } else {
            application.setWebApplicationType(WebApplicationType.NONE);
            defaults.put("logging.level.root", "warn");
            application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        }
        application.setDefaultProperties(defaults);
        return application;
    }

    /** {@code serve --port N} is {@code --server.port=N}; the word serve itself is not an argument. */
    static String[] serverArguments(String[] args) {
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
