package dev.pat.shell;

import dev.pat.domain.model.Texts;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One command, as words: found by name, its options checked strictly (an unknown, repeated, value-less or
 * missing required option is refused with exit 2 before anything runs, or any password is asked for), then run.
 * The one-command form and the interactive shell both run commands through here, so they accept and refuse the
 * same things and say so in the same words.
 */
public final class CommandLine {
    /** How a command ended: its exit status and, when it failed, what to tell the person (without "error: "). */
    public record Outcome(int exitCode, String error) {
        static final Outcome OK = new Outcome(0, "");

        static Outcome usage(String error) {
            return new Outcome(ExitCodes.USAGE, error);
        }
    }

    /** The words that ask for help, for the version, and (in the interactive shell) to leave. */
    static final List<String> HELP = List.of("help", "--help", "-h");
    static final List<String> VERSION = List.of("--version", "-V", "version");
    static final List<String> EXIT = List.of("exit", "quit");

    private final CommandRegistry registry;
    private final HelpText help;
    private final ShellSession session;
    private final Completions completions;

    CommandLine(CommandRegistry registry, HelpText help, ShellSession session, Completions completions) {
        this.registry = registry;
        this.help = help;
        this.session = session;
        this.completions = completions;
    }

    /** Runs a line typed in the interactive shell. */
    /** Whether a typed line names a command (or help): what the interactive history keeps. */
    boolean namesACommand(String line) {
        List<String> words = Words.split(line);
        if (words.isEmpty()) {
            return false;
        }
        if (HELP.contains(words.get(0)) || VERSION.contains(words.get(0)) || EXIT.contains(words.get(0))) {
            return true;
        }
        List<String> name = help.commandName(words);
        return !name.isEmpty() && registry.getCommandByName(String.join(" ", name)) != null;
    }

    public Outcome run(String line, PrintWriter out, InputReader in) {
        return run(Words.split(line), out, in);
    }

    Outcome run(List<String> words, PrintWriter out, InputReader in) {
        try {
            return dispatch(words, out, in);
        } finally {
            session.commandEnded();
            out.flush();
        }
    }

    private Outcome dispatch(List<String> words, PrintWriter out, InputReader in) {
        if (words.isEmpty() || HELP.contains(words.get(0))) {
            return help.show(out, words.isEmpty() ? List.of() : words.subList(1, words.size()));
        }
        if (words.get(0).equals(CompletionCommands.COMPLETE)) {
            // pat __complete WORD... CURRENT: what bash or zsh may put in place of the last word
            List<String> typed = words.subList(1, words.size());
            String current = typed.isEmpty() ? "" : typed.get(typed.size() - 1);
            completions.complete(typed.subList(0, Math.max(0, typed.size() - 1)), current).forEach(out::println);
            return Outcome.OK;
        }
        if (VERSION.contains(words.get(0)) && words.size() == 1) {
            out.println(HelpText.versionLine());
            return Outcome.OK;
        }
        List<String> name = help.commandName(words);
        List<String> rest = words.subList(name.size(), words.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            return help.show(out, name);
        }
        Command command = name.isEmpty() ? null : registry.getCommandByName(String.join(" ", name));
        if (command == null) {
            return help.unknownCommand(out, words, name);
        }
        ParsedInput.Builder parsed = ParsedInput.builder().commandName(name.get(0));
        name.subList(1, name.size()).forEach(parsed::addSubCommand);
        Optional<String> refused = parseOptions(command, rest, parsed);
        if (refused.isPresent()) {
            return Outcome.usage(refused.get() + " (see: " + String.join(" ", name) + " --help)");
        }
        try {
            ExitStatus status = command.execute(new CommandContext(parsed.build(), registry, out, in));
            return status.code() == 0 ? Outcome.OK : new Outcome(status.code(), status.description());
        } catch (Exception unexpected) {
            ExitStatus status = new ExitCodes().apply(unexpected);
            return new Outcome(status.code(), status.description());
        }
    }

    /** Reads {@code --option value}, {@code --option=value} and bare booleans; answers the first problem. */
    static Optional<String> parseOptions(Command command, List<String> words, ParsedInput.Builder parsed) {
        Set<String> given = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                return Optional.of("unexpected argument '" + Texts.clip(word) + "'"
                        + (word.startsWith("-") ? "" : ": options are written --name value"));
            }
            int equals = word.indexOf('=');
            String name = equals < 0 ? word.substring(2) : word.substring(2, equals);
            Optional<CommandOption> option = command.getOptions().stream()
                    .filter(o -> name.equals(o.longName())).findFirst();
            if (option.isEmpty()) {
                List<String> known = command.getOptions().stream().map(CommandOption::longName).toList();
                return Optional.of("unknown option --" + Texts.clip(name) + Texts.closest(name, known)
                        .map(k -> " (did you mean --" + k + "?)").orElse(""));
            }
            if (!given.add(name)) {
                return Optional.of("--" + name + " is given twice");
            }
            String value;
            boolean bool = isBoolean(option.get());
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (bool) {
                boolean explicit = i + 1 < words.size() && List.of("true", "false").contains(words.get(i + 1));
                value = explicit ? words.get(++i) : "true";
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                value = words.get(++i);
            } else {
                return Optional.of("--" + name + " needs a value: --" + name + " "
                        + HelpText.placeholder(option.get()));
            }
            if (bool && !List.of("true", "false").contains(value)) {
                return Optional.of("--" + name + " is true or false, not '" + Texts.clip(value) + "'");
            }
            parsed.addOption(CommandOption.with().longName(name).value(value).build());
        }
        // options left out take their defaults here, so Spring Shell never builds its own (a Bean Validation
        // provider comes with that, half a second of start-up)
        for (CommandOption option : command.getOptions()) {
            if (!given.contains(option.longName()) && isBoolean(option)) {
                parsed.addOption(CommandOption.with().longName(option.longName()).value(option.defaultValue() == null
                        || option.defaultValue().isEmpty() ? "false" : option.defaultValue()).build());
            }
        }
        List<String> missing = new ArrayList<>();
        command.getOptions().stream().filter(CommandOption::required).map(CommandOption::longName)
                .filter(n -> !given.contains(n)).forEach(n -> missing.add("--" + n));
        return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + String.join(", ", missing));
    }

    static boolean isBoolean(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }
}
