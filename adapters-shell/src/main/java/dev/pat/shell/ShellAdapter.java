package dev.pat.shell;

import dev.pat.domain.port.in.ManageTokens;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Primary;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.shell.jline.JLineInputProvider;
import org.springframework.shell.jline.JLineShellRunner;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The admin shell as a unit the composition root imports: its commands, parser, prompt, exit codes and runners.
 * Present only when the app runs as the shell ({@code pat.shell.mode}), never beside the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pat.shell.mode")
@ComponentScan(basePackageClasses = ShellAdapter.class)
@Import(ShellAdapter.CommandMethods.class)
public class ShellAdapter {

    /**
     * Offers each {@code @Command} method of the shell's command classes as a {@code Command} bean, which Spring
     * Shell's registry collects (on its own it only scans the package of the application class).
     */
    static final class CommandMethods implements ImportBeanDefinitionRegistrar {
        static final List<Class<?>> COMMAND_CLASSES = List.of(TokenCommands.class, ApiCommands.class,
                SessionCommands.class, AdminCommands.class);

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            for (Class<?> type : COMMAND_CLASSES) {
                ReflectionUtils.MethodFilter annotated = m -> AnnotatedElementUtils.hasAnnotation(m, Command.class);
                for (Method method : MethodIntrospector.selectMethods(type, annotated)) {
                    registry.registerBeanDefinition("pat." + type.getSimpleName() + "." + method.getName(),
                            BeanDefinitionBuilder.genericBeanDefinition(CommandFactoryBean.class)
                                    .addConstructorArgValue(method).getBeanDefinition());
                }
            }
        }
    }

    @Bean
    @Primary
    PatCommandParser patCommandParser(CommandRegistry registry) {
        return new PatCommandParser(registry);
    }

    @Bean(OptionValues.BEAN)
    OptionValues patOptionValues(ManageTokens tokens) {
        return new OptionValues(tokens);
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

    /** The interactive shell, with the same parser as one-command mode. */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "interactive")
    ShellRunner patInteractiveShell(JLineInputProvider input, CommandParser parser, CommandRegistry registry) {
        return new JLineShellRunner(input, parser, registry);
    }

    /** One command and exit, instead of the interactive shell (any ApplicationRunner replaces the shell's). */
    @Bean
    @ConditionalOnProperty(name = "pat.shell.mode", havingValue = "one-shot")
    OneShotRunner oneShotRunner(PatCommandParser parser, CommandRegistry registry, ShellSession session) {
        return new OneShotRunner(parser, registry, session, System.in, System.out, System.err);
    }
}
