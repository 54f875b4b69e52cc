package dev.pat.acceptance.shell;

import dev.pat.acceptance.steps.FaceConfiguration;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import dev.pat.app.PatApplication;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The features proven through the admin shell. */
@CucumberContextConfiguration
@SpringBootTest(classes = PatApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude="
                + "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration", "pat.shell.mode=none"})
@Import({FaceConfiguration.class, ShellFace.Driver.class})
public class ShellFace {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FaceConfiguration.database(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Driver {
        @Bean
        @ScenarioScope
        @Lazy
        ShellDriver shellDriver(CommandParser parser, CommandRegistry registry) {
            return new ShellDriver(parser, registry);
        }
    }
}
