package dev.pat.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.EnableCommand;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.shell.jline.PromptProvider;

/** The admin shell as a unit the composition root imports: its commands, prompt, exit codes and runner. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ShellAdapter.class)
@EnableCommand({TokenCommands.class, ApiCommands.class, SessionCommands.class, AdminCommands.class})
public class ShellAdapter {

    @Bean
    @Primary
    CommandParser flagAwareParser(CommandRegistry registry) {
        return new FlagAwareParser(registry);
    }

    @Bean(ExitCodes.BEAN)
    ExitStatusExceptionMapper patExitStatus() {
        return new ExitCodes();
    }

    /** The prompt shows who is signed in. */
    @Bean
    PromptProvider patPrompt(ShellSession session) {
        return () -> new AttributedString(session.login().map(l -> "pat:" + l + "> ").orElse("pat> "),
                AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    /** One command and exit, instead of the interactive shell (any ApplicationRunner replaces the shell's). */
    @Bean
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "one-shot")
    OneShotRunner oneShotRunner(CommandParser parser, CommandRegistry registry, ShellSession session) {
        return new OneShotRunner(parser, registry, session, System.in, System.out, System.err);
    }
}
