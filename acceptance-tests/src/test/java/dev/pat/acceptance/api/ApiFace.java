package dev.pat.acceptance.api;

import dev.pat.acceptance.steps.FaceConfiguration;
import dev.pat.app.ApiClient;
import dev.pat.app.PatApplication;
import dev.pat.domain.port.in.AdministerAccounts;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The features proven through the HTTP API. */
@CucumberContextConfiguration
@SpringBootTest(classes = PatApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude="
                + "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration", "pat.shell.mode=none"})
@Import({FaceConfiguration.class, ApiFace.Driver.class})
public class ApiFace {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FaceConfiguration.database(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Driver {
        @Bean
        @ScenarioScope
        @Lazy
        ApiDriver apiDriver(@Value("${local.server.port}") int port, AdministerAccounts admin) {
            return new ApiDriver(new ApiClient(port), admin);
        }
    }
}
