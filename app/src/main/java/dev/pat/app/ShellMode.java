package dev.pat.app;

import dev.pat.shell.ShellAdapter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The composition of the admin shell: the core and the shell adapter, and nothing else. No auto-configuration
 * (no web server, no actuator, no metrics registry, no Jackson or validation set-up), and every bean created only
 * when a command needs it, so {@code pat api sets} never opens the database and a one-shot command starts in
 * about a second (README, "Start-up").
 */
@Configuration(proxyBeanMethods = false)
@Import({CoreConfiguration.class, ShellAdapter.class})
class ShellMode {
}
