package dev.pat.acceptance.page;

import dev.pat.acceptance.steps.FaceConfiguration;
import dev.pat.domain.port.in.AdministerAccounts;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The features proven through the dashboard page, in real Chromium. */
@CucumberContextConfiguration
@Import(PageFace.Driver.class)
public class PageFace extends FaceConfiguration {

    @TestConfiguration(proxyBeanMethods = false)
    static class Driver {
        @Bean
        @ScenarioScope
        PageDriver pageDriver(@Value("${local.server.port}") int port, AdministerAccounts admin) {
            return new PageDriver(Browser.get(), port, admin);
        }
    }
}
