package dev.pat.acceptance.api;

import dev.pat.acceptance.steps.FaceConfiguration;
import dev.pat.app.ApiClient;
import dev.pat.domain.port.in.AdministerAccounts;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The features proven through the HTTP API. */
@CucumberContextConfiguration
@Import(ApiFace.Driver.class)
public class ApiFace extends FaceConfiguration {

    @TestConfiguration(proxyBeanMethods = false)
    static class Driver {
        @Bean
        @ScenarioScope
        ApiDriver apiDriver(@Value("${local.server.port}") int port, AdministerAccounts admin) {
            return new ApiDriver(new ApiClient(port), admin);
        }
    }
}
