package dev.pat.shell;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tab completion, one engine for the interactive shell (JLine) and for bash and zsh ({@code pat completion}):
 * command names, then the command's options not yet given, then an option's values.
 */
final class Completions {
    private final CommandRegistry registry;
    private final HelpText help;
    private final OptionValues values;

    Completions(CommandRegistry registry, HelpText help, OptionValues values) {
        this.registry = registry;
        this.help = help;
        this.values = values;
    }

    /** What may replace the last word (the one being typed, maybe empty), given the words before it. */
    List<String> complete(List<String> before, String current) {
        List<String> name = help.commandName(before);
        Command command = name.isEmpty() ? null : registry.getCommandByName(String.join(" ", name));
        if (command == null) {
            return name.size() == before.size() ? commandWords(name, current) : List.of();
        }
        List<String> rest = before.subList(name.size(), before.size());
        Optional<CommandOption> expecting = rest.isEmpty() ? Optional.empty()
                : option(command, rest.get(rest.size() - 1))
                .filter(o -> !CommandLine.isBoolean(o) && !rest.get(rest.size() - 1).contains("="));
        if (expecting.isPresent()) {
            return values.values(expecting.get().longName(), current);
        }
        int equals = current.indexOf('=');
        if (current.startsWith("--") && equals > 0) {
            String prefix = current.substring(0, equals + 1);
            return option(command, current.substring(0, equals)).map(o -> values.values(o.longName(),
                    current.substring(equals + 1)).stream().map(v -> prefix + v).toList()).orElse(List.of());
        }
        Set<String> given = new LinkedHashSet<>();
        rest.stream().filter(w -> w.startsWith("--")).forEach(w -> given.add(w.split("=", 2)[0]));
        List<String> options = new ArrayList<>();
        for (CommandOption o : command.getOptions()) {
            String flag = "--" + o.longName();
            if (!given.contains(flag) && flag.startsWith(current)) {
                options.add(flag);
            }
        }
        if ("--help".startsWith(current) && current.startsWith("-")) {
            options.add("--help");
        }
        return options;
    }

    private static Optional<CommandOption> option(Command command, String word) {
        if (!word.startsWith("--")) {
            return Optional.empty();
        }
        String name = word.substring(2).split("=", 2)[0];
        return command.getOptions().stream().filter(o -> name.equals(o.longName())).findFirst();
    }

    /** The next word of the command names that begin with the words typed. */
    private List<String> commandWords(List<String> typed, String current) {
        Set<String> words = new LinkedHashSet<>();
        if (typed.isEmpty() && "help".startsWith(current)) {
            words.add("help");
        }
        registry.getCommands().stream().filter(c -> !c.isHidden()).map(c -> List.of(c.getName().split(" ")))
                .filter(n -> n.size() > typed.size() && n.subList(0, typed.size()).equals(typed))
                .map(n -> n.get(typed.size())).filter(w -> w.startsWith(current)).sorted().forEach(words::add);
        return new ArrayList<>(words);
    }
}
