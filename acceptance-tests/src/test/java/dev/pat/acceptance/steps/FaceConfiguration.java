package dev.pat.acceptance.steps;

import dev.pat.app.PatApplication;
import dev.pat.app.TestClockConfiguration;
import dev.pat.persistence.testing.DatabaseFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * What both faces share: the whole app on a random port with a fresh SQLite file and a pinned clock (guesses from
 * this one machine not counted per address, as every scenario comes from it), and the admin shell's
 * commands without either of its runners (which would read the test's standard input). Each face extends it
 * with its driver.
 */
@SpringBootTest(classes = PatApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude="
                + "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration", "pat.shell.mode=none",
                // every scenario calls from this one machine, and moves the clock: per address, guesses stay free
                "pat.attempts.free-per-address=1000000", "pat.attempts.free-per-login=1000000",
                // scripts "at" an address reach PAT through this machine as their proxy (allowedIps scenarios)
                "pat.http.trusted-proxies=127.0.0.1"})
@Import(TestClockConfiguration.class)
public abstract class FaceConfiguration {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", DatabaseFixture::freshSqliteUrl);
    }
}
