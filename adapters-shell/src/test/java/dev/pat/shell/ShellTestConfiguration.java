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
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.Help;

import java.util.HashSet;
import java.util.List;

/** The shell adapter on the in-memory core, with pinned time and randomness. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ShellAdapter.class)
class ShellTestConfiguration {
    /** Spring Shell's registry and help, which its (excluded) auto-configuration would otherwise provide. */
    @Bean
    CommandRegistry commandRegistry(List<Command> commands) {
        return new CommandRegistry(new HashSet<>(commands));
    }

    @Bean
    Help help() {
        return new Help();
    }

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
