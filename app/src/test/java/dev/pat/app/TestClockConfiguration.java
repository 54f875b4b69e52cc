package dev.pat.app;

import dev.pat.domain.testing.PinnedClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins the server's clock, so a test can let a token expire. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    PinnedClock pinnedClock() {
        return PinnedClock.at("2026-11-27T10:00:00Z");
    }
}
