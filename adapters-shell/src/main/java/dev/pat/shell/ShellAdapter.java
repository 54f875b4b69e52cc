package dev.pat.shell;

import dev.pat.domain.port.in.ManageTokens;
import jakarta.validation.Validator;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.util.ReflectionUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The admin shell as a unit the composition root imports: its commands, their registry, help, completion, exit
 * codes and the two runners (one command, or the interactive shell). Present only when the app runs as the shell
 * ({@code pat.shell.mode}), never beside the server; it needs nothing of Spring Shell's auto-configuration, so a
 * one-shot command starts without a line editor, a terminal or a classpath scan.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pat.shell.mode")
@ComponentScan(basePackageClasses = ShellAdapter.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@Import(ShellAdapter.CommandMethods.class)
public class ShellAdapter {

    /** Offers each {@code @Command} method of the shell's command classes as a {@code Command} bean. */
    static final class CommandMethods implements ImportBeanDefinitionRegistrar {
        static final List<Class<?>> COMMAND_CLASSES = List.of(TokenCommands.class, ApiCommands.class,
                SessionCommands.class, AdminCommands.class, CompletionCommands.class);

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            for (Class<?> type : COMMAND_CLASSES) {
                ReflectionUtils.MethodFilter annotated = m -> AnnotatedElementUtils.hasAnnotation(m,
                        org.springframework.shell.core.command.annotation.Command.class);
                for (Method method : MethodIntrospector.selectMethods(type, annotated)) {
                    registry.registerBeanDefinition("pat." + type.getSimpleName() + "." + method.getName(),
                            BeanDefinitionBuilder.genericBeanDefinition(CommandFactoryBean.class)
                                    .addConstructorArgValue(method).getBeanDefinition());
                }
            }
        }
    }

    @Bean
    CommandRegistry patCommandRegistry(List<Command> commands) {
        return new CommandRegistry(new HashSet<>(commands));
    }

    @Bean
    HelpText patHelp(CommandRegistry registry) {
        return new HelpText(registry);
    }

    @Bean
    CommandLine patCommandLine(CommandRegistry registry, HelpText help, ShellSession session,
                               Completions completions) {
        return new CommandLine(registry, help, session, completions);
    }

    @Bean
    OptionValues patOptionValues(@Lazy ManageTokens tokens, ShellSession session) {
        return new OptionValues(tokens, () -> session.signedInAccount().map(a -> tokens.list(a, Optional.empty()))
                .orElse(List.of()));
    }

    @Bean
    Completions patCompletions(CommandRegistry registry, HelpText help, OptionValues values) {
        return new Completions(registry, help, values);
    }

    @Bean(ExitCodes.BEAN)
    ExitStatusExceptionMapper patExitStatus() {
        return new ExitCodes();
    }

    /** Spring Shell validates every command's parameters; ours carry no constraints (see NoBeanValidation). */
    @Bean
    Validator patNoBeanValidation() {
        return new NoBeanValidation();
    }

    /** The prompt shows who is signed in; in yellow, unless NO_COLOR is set. */
    @Bean
    PromptProvider patPrompt(ShellSession session, Screen screen) {
        return () -> new AttributedString(session.login().map(l -> "pat:" + l + "> ").orElse("pat> "),
                screen.colors() ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW) : AttributedStyle.DEFAULT);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "interactive")
    Terminal patTerminal() {
        try {
            return TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("no terminal for the interactive shell", e);
        }
    }

    /** The interactive shell. */
    @Bean
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "interactive")
    PatShellRunner patShellRunner(CommandLine commands, Completions completions, ShellSession session,
                                  Terminal terminal, PromptProvider prompt,
                                  @Value("${pat.shell.history:}") String history) {
        Path file = history.isBlank() ? PatShellRunner.defaultHistoryFile() : Path.of(history);
        return new PatShellRunner(commands, completions, session, terminal, file,
                () -> prompt.getPrompt().toAnsi(terminal));
    }

    /** One command and exit. */
    @Bean
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "one-shot")
    OneShotRunner oneShotRunner(CommandLine commands, ShellSession session) {
        return new OneShotRunner(commands, session, TerminalInput.standard(), System.out, System.err);
    }
}
