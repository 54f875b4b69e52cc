package dev.pat.shell;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PatCommandParserTest {
    private static final Command GENERATE = new Command() {
        @Override
        public String getName() {
            return "token generate";
        }

        @Override
        public List<CommandOption> getOptions() {
            return List.of(CommandOption.with().longName("description").type(String.class).build(),
                    CommandOption.with().longName("json").type(boolean.class).build());
        }

        @Override
        public ExitStatus execute(org.springframework.shell.core.command.CommandContext context) {
            return ExitStatus.OK;
        }
    };
    private final PatCommandParser parser = new PatCommandParser(new CommandRegistry(Set.of(GENERATE)));

    private static Map<String, String> options(ParsedInput parsed) {
        return parsed.options().stream().collect(Collectors.toMap(CommandOption::longName, CommandOption::value));
    }

    @Test
    void the_words_of_the_one_command_form_pass_through_as_they_are() {
        ParsedInput parsed = parser.parse(List.of("token", "generate", "--description", "say \"hi\"", "--json"));
        assertThat(parsed.commandName()).isEqualTo("token");
        assertThat(parsed.subCommands()).containsExactly("generate");
        assertThat(options(parsed)).containsEntry("description", "say \"hi\"").containsEntry("json", "true");

        assertThat(options(parser.parse(List.of("token", "generate", "--description", "a\"b"))))
                .containsEntry("description", "a\"b");
        assertThat(options(parser.parse(List.of("token", "generate", "--description=x=y", "--json", "false"))))
                .containsEntry("description", "x=y").containsEntry("json", "false");
    }

    @Test
    void a_typed_line_is_split_as_a_shell_would() {
        assertThat(PatCommandParser.words("token generate --description \"deploy \\\"main\\\"\" --x 'it''s'"))
                .containsExactly("token", "generate", "--description", "deploy \"main\"", "--x", "its");
        assertThat(PatCommandParser.words("  a\\ b   \"\"  c ")).containsExactly("a b", "", "c");
    }

    @Test
    void help_on_a_command_is_the_help_command() {
        ParsedInput parsed = parser.parse(List.of("token", "generate", "--description", "x", "--help"));
        assertThat(parsed.commandName()).isEqualTo("help");
        assertThat(parsed.arguments()).extracting(a -> a.value()).containsExactly("token", "generate");
        assertThat(parser.parse(List.of()).commandName()).isEqualTo("help");
    }
}
