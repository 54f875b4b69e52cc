package dev.pat.acceptance.steps;

import dev.pat.app.TestClockConfiguration;
import dev.pat.persistence.testing.DatabaseFixture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.HashSet;
import java.util.List;

/**
 * What both faces share: the whole app on a random port with a fresh SQLite file and a pinned clock, and Spring
 * Shell's command registry without its interactive runner (which would read the test's standard input).
 */
@Configuration(proxyBeanMethods = false)
@Import(TestClockConfiguration.class)
public class FaceConfiguration {
    public static final String[] PROPERTIES = {
            "spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
            "pat.shell.mode=none"};

    @Bean
    CommandRegistry commandRegistry(List<Command> commands) {
        return new CommandRegistry(new HashSet<>(commands));
    }

    public static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", DatabaseFixture::freshSqliteUrl);
    }

}
