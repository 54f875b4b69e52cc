package dev.pat.shell;

import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.AuditLog;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.testing.TestPlatform;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;


/** The shell adapter on the in-memory core, with pinned time and randomness. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ShellAdapter.class)
class ShellTestConfiguration {
    @Bean
    TestPlatform testPlatform() {
        return new TestPlatform();
    }

    @Bean
    ManageTokens manageTokens(TestPlatform t) {
        return t.platform.tokens();
    }

    @Bean
    AuditLog auditLog(TestPlatform t) {
        return t.platform.audit();
    }

    @Bean
    SignIn signIn(TestPlatform t) {
        return t.platform.signIn();
    }

    @Bean
    AuthorizeCall authorizeCall(TestPlatform t) {
        return t.platform.authorize();
    }

    @Bean
    AdministerAccounts administerAccounts(TestPlatform t) {
        return t.platform.administration();
    }
}
