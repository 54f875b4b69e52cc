package dev.pat.shell;

import dev.pat.domain.model.Texts;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Help as gh writes it: what a command does, its usage with the required options first, then one option per line
 * with its description and default; an unknown command is one line with the closest name, never the whole list.
 */
final class HelpText {
    static final int WIDTH = 80;
    private static final String VERSION = readVersion();
    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(Map.entry("login", "EMAIL"),
            Map.entry("description", "TEXT"), Map.entry("expires-at", "DATE"), Map.entry("api-set", "NAME"),
            Map.entry("methods", "LIST"), Map.entry("save", "FILE"), Map.entry("envs", "LIST"),
            Map.entry("allowed-ips", "LIST"), Map.entry("ids", "IDS"), Map.entry("since", "WHEN"),
            Map.entry("grace-period", "MINUTES"), Map.entry("rate-limit", "N"), Map.entry("idle-days", "DAYS"),
            Map.entry("limit", "N"), Map.entry("search", "TEXT"), Map.entry("token", "ID"), Map.entry("name", "NAME"));

    private final CommandRegistry registry;

    HelpText(CommandRegistry registry) {
        this.registry = registry;
    }

    static String versionLine() {
        return "pat " + VERSION;
    }

    /** The longest run of leading words that names a command or a group of commands. */
    List<String> commandName(List<String> words) {
        List<String> name = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-")) {
                break;
            }
            String candidate = name.isEmpty() ? word : String.join(" ", name) + " " + word;
            if (registry.getCommandByName(candidate) == null && group(candidate).isEmpty()) {
                break;
            }
            name.add(word);
        }
        return name;
    }

    CommandLine.Outcome show(PrintWriter out, List<String> name) {
        String joined = String.join(" ", name);
        Command command = name.isEmpty() ? null : registry.getCommandByName(joined);
        if (command != null) {
            command(out, command);
        } else if (!name.isEmpty() && !group(joined).isEmpty()) {
            groupHelp(out, name);
        } else if (name.isEmpty()) {
            overview(out);
        } else {
            return unknownCommand(out, name, commandName(name));
        }
        out.flush();
        return CommandLine.Outcome.OK;
    }

    CommandLine.Outcome unknownCommand(PrintWriter out, List<String> words, List<String> known) {
        if (!known.isEmpty() && known.size() == words.size()) {
            // a group named alone (pat token): what it holds
            groupHelp(out, known);
            return CommandLine.Outcome.OK;
        }
        String typed = String.join(" ", words.subList(0, Math.min(words.size(), known.size() + 1)));
        List<String> names = visible().stream().map(Command::getName).toList();
        List<String> candidates = new ArrayList<>(names);
        names.forEach(n -> candidates.add(n.split(" ")[0]));
        String hint = Texts.closest(typed, new TreeSet<>(candidates)).map(c -> " (did you mean \"" + c + "\"?)")
                .orElse("");
        return CommandLine.Outcome.usage("unknown command \"" + Texts.clip(typed) + "\"" + hint
                + "; run 'pat help' for the list");
    }

    /** What a group of commands holds ({@code pat token}). */
    private void groupHelp(PrintWriter out, List<String> name) {
        String joined = String.join(" ", name);
        commands(out, group(joined), "pat " + joined + " <command> [options]");
    }

    private List<Command> group(String prefix) {
        return visible().stream().filter(c -> c.getName().startsWith(prefix + " ")).toList();
    }

    private List<Command> visible() {
        return registry.getCommands().stream().filter(c -> !c.isHidden())
                .sorted(Comparator.comparing(Command::getName)).toList();
    }

    private void overview(PrintWriter out) {
        out.println("Personal access tokens for the platform's API, from a terminal.");
        out.println();
        out.println("USAGE");
        out.println("  pat <command> [options]     one command, then exit");
        out.println("  pat shell                   the interactive shell (the same commands, signed in once)");
        out.println("  pat serve [--port N]        the platform API and the dashboard page");
        Map<String, List<Command>> groups = new LinkedHashMap<>();
        visible().stream().sorted(Comparator.comparing(Command::getGroup).thenComparing(Command::getName))
                .forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new ArrayList<>()).add(c));
        int width = visible().stream().mapToInt(c -> c.getName().length()).max().orElse(10) + 4;
        groups.forEach((group, commands) -> {
            out.println();
            out.println(group.toUpperCase(Locale.ROOT));
            commands.forEach(c -> row(out, c.getName(), width, firstSentence(c.getDescription())));
        });
        out.println();
        out.println("Run 'pat <command> --help' for a command's options. Exit status: 0 done, 1 internal error,");
        out.println("2 bad input, 3 not found, 4 wrong password, 5 two-factor, 6 too many attempts, 7 token limit,");
        out.println("8 not signed in or not permitted, 130 abandoned at a prompt.");
    }

    private void commands(PrintWriter out, List<Command> commands, String usage) {
        out.println("USAGE");
        out.println("  " + usage);
        out.println();
        out.println("COMMANDS");
        int width = commands.stream().mapToInt(c -> c.getName().length()).max().orElse(10) + 4;
        commands.forEach(c -> row(out, c.getName(), width, firstSentence(c.getDescription())));
    }

    private void command(PrintWriter out, Command command) {
        wrap(out, "", command.getDescription());
        out.println();
        out.println("USAGE");
        StringBuilder usage = new StringBuilder("pat " + command.getName());
        List<CommandOption> required = command.getOptions().stream().filter(CommandOption::required).toList();
        List<CommandOption> optional = command.getOptions().stream().filter(o -> !o.required()).toList();
        required.forEach(o -> usage.append(" --").append(o.longName()).append(' ').append(placeholder(o)));
        if (!optional.isEmpty()) {
            usage.append(" [options]");
        }
        out.println("  " + usage);
        int width = command.getOptions().stream().mapToInt(o -> flag(o).length()).max().orElse(0) + 4;
        width = Math.max(width, "-h, --help".length() + 4);
        if (!required.isEmpty()) {
            out.println();
            out.println("REQUIRED");
            for (CommandOption o : required) {
                row(out, flag(o), width, o.description());
            }
        }
        out.println();
        out.println("OPTIONS");
        for (CommandOption o : optional) {
            String defaultValue = o.defaultValue() == null || o.defaultValue().isEmpty()
                    || (CommandLine.isBoolean(o) && o.defaultValue().equals("false")) ? "" : " (default "
                    + o.defaultValue() + ")";
            row(out, flag(o), width, o.description() + defaultValue);
        }
        row(out, "-h, --help", width, "show this help");
    }

    private static String flag(CommandOption option) {
        return "--" + option.longName() + (CommandLine.isBoolean(option) ? "" : " " + placeholder(option));
    }

    static String placeholder(CommandOption option) {
        return PLACEHOLDERS.getOrDefault(option.longName(), option.longName().toUpperCase(Locale.ROOT));
    }

    private static void row(PrintWriter out, String left, int width, String text) {
        String indent = " ".repeat(2 + width);
        List<String> lines = lines(text, WIDTH - indent.length());
        out.println("  " + left + " ".repeat(Math.max(1, width - left.length())) + (lines.isEmpty() ? ""
                : lines.get(0)));
        lines.subList(Math.min(1, lines.size()), lines.size()).forEach(l -> out.println(indent + l));
    }

    private static void wrap(PrintWriter out, String indent, String text) {
        lines(text, WIDTH - indent.length()).forEach(l -> out.println(indent + l));
    }

    private static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(';');
        int colon = description.indexOf(':');
        int cut = end < 0 ? colon : colon < 0 ? end : Math.min(end, colon);
        return cut < 0 ? description : description.substring(0, cut);
    }

    private static String readVersion() {
        try (InputStream in = HelpText.class.getResourceAsStream("/pat-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
