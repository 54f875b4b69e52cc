package dev.pat.shell;

import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ParsedInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spring Shell's parser, with {@code --json}, {@code --copy} and {@code --only-checked} usable as bare flags, and
 * {@code COMMAND --help} answered as {@code help COMMAND}.
 */
final class FlagAwareParser implements CommandParser {
    static final Set<String> FLAGS = Set.of("--json", "--copy", "--only-checked");
    private final DefaultCommandParser parser;

    FlagAwareParser(org.springframework.shell.core.command.CommandRegistry registry) {
        this.parser = new DefaultCommandParser(registry);
    }

    @Override
    public ParsedInput parse(String input) {
        // the same word split as the default parser: on white space outside double quotes
        String[] words = input.trim().split("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        List<String> command = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-")) {
                break;
            }
            command.add(word);
        }
        if (!command.isEmpty() && !command.get(0).equals("help")
                && (List.of(words).contains("--help") || List.of(words).contains("-h"))) {
            return parser.parse("help " + String.join(" ", command));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String next = i + 1 < words.length ? words[i + 1] : null;
            boolean valueFollows = next != null && (next.equalsIgnoreCase("true") || next.equalsIgnoreCase("false"));
            out.add(FLAGS.contains(word) && !valueFollows ? word + "=true" : word);
        }
        return parser.parse(String.join(" ", out));
    }
}
