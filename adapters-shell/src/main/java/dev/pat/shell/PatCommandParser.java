package dev.pat.shell;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a command as words: the command's name, then {@code --option value}, {@code --option=value}, or a
 * boolean option given bare ({@code --json}). A line typed in the shell is split into words as a POSIX shell
 * would (quotes group, a backslash escapes); the one-command form gets its words straight from the program's
 * arguments, never joined and split again. {@code COMMAND --help} is {@code help COMMAND}.
 */
final class PatCommandParser implements CommandParser {
    private final CommandRegistry registry;

    PatCommandParser(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ParsedInput parse(String line) {
        return parse(words(line));
    }

    ParsedInput parse(List<String> words) {
        if (words.isEmpty()) {
            return ParsedInput.builder().commandName("help").build();
        }
        List<String> name = commandName(words);
        List<String> rest = words.subList(name.size(), words.size());
        if (!name.get(0).equals("help") && (rest.contains("--help") || rest.contains("-h"))) {
            ParsedInput.Builder help = ParsedInput.builder().commandName("help");
            for (int i = 0; i < name.size(); i++) {
                help.addArgument(new CommandArgument(i, name.get(i)));
            }
            return help.build();
        }
        ParsedInput.Builder parsed = ParsedInput.builder().commandName(name.get(0));
        name.subList(1, name.size()).forEach(parsed::addSubCommand);
        Optional<Command> command = Optional.ofNullable(registry.getCommandByName(String.join(" ", name)));
        int argument = 0;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                parsed.addArgument(new CommandArgument(argument++, word));
                continue;
            }
            int equals = word.indexOf('=');
            String option = equals < 0 ? word.substring(2) : word.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (isBoolean(command, option) && !(i + 1 < rest.size() && isBooleanWord(rest.get(i + 1)))) {
                value = "true";
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                value = "";
            }
            parsed.addOption(CommandOption.with().longName(option).value(value).build());
        }
        return parsed.build();
    }

    /** The longest run of leading words that names a command (or a group of commands). */
    private List<String> commandName(List<String> words) {
        List<String> name = new ArrayList<>(List.of(words.get(0)));
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("-") || registry.getCommandsByPrefix(String.join(" ", name) + " " + word).isEmpty()) {
                break;
            }
            name.add(word);
        }
        return name;
    }

    private static boolean isBoolean(Optional<Command> command, String option) {
        return command.map(Command::getOptions).orElse(List.of()).stream()
                .anyMatch(o -> option.equals(o.longName()) && (o.type() == boolean.class || o.type() == Boolean.class));
    }

    private static boolean isBooleanWord(String word) {
        return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false");
    }

    /** Splits a typed line into words: white space separates, quotes group, a backslash escapes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
