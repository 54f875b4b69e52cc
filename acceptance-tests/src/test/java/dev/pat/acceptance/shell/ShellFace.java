package dev.pat.acceptance.shell;

import dev.pat.acceptance.steps.FaceConfiguration;
import dev.pat.shell.CommandLine;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The features proven through the admin shell. */
@CucumberContextConfiguration
@Import(ShellFace.Driver.class)
public class ShellFace extends FaceConfiguration {

    @TestConfiguration(proxyBeanMethods = false)
    static class Driver {
        @Bean
        @ScenarioScope
        ShellDriver shellDriver(CommandLine shell) {
            return new ShellDriver(shell);
        }
    }
}
