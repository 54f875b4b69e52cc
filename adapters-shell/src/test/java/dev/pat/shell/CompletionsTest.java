package dev.pat.shell;

import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tab completion: what is shown is what is inserted, lists keep what was typed, ids come from the account. */
@SpringBootTest(classes = ShellTestConfiguration.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
        "spring.main.web-application-type=none", "pat.shell.mode=test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CompletionsTest {
    @Autowired
    Completions completions;
    @Autowired
    CommandLine shell;
    @Autowired
    ShellSession session;

    private List<String> complete(String line) {
        List<String> words = new java.util.ArrayList<>(Words.split(line));
        String current = line.endsWith(" ") ? "" : words.remove(words.size() - 1);
        return completions.complete(words, current);
    }

    private void run(String line, String... answers) {
        CommandLine.Outcome outcome = shell.run(line, new PrintWriter(new StringWriter()),
                new ShellCommandsTest.ScriptedReader(answers));
        assertThat(outcome.exitCode()).as(outcome.error()).isZero();
    }

    @AfterEach
    void signOut() {
        session.end();
    }

    @Test
    void api_sets_complete_to_the_names_tables_show_and_the_shell_accepts() {
        assertThat(complete("token generate --api-set I")).containsExactly("IDE Plugins");
        assertThat(complete("token generate --api-set ")).containsExactly("Extended Access", "IDE Plugins",
                "Marketplace", "Maven Plugin", "Custom");
        assertThat(complete("token generate --api-set=Ma")).containsExactly("--api-set=Marketplace",
                "--api-set=Maven Plugin");
    }

    @Test
    void a_list_keeps_what_was_typed_before_the_comma() {
        assertThat(complete("token generate --methods GetEnvs,environment.Control.Sto"))
                .containsExactly("GetEnvs,environment.Control.StopEnv");
        assertThat(complete("token generate --methods environment.Control.GetEnvs,"))
                .allMatch(m -> m.startsWith("environment.Control.GetEnvs,"))
                .doesNotContain("environment.Control.GetEnvs,environment.Control.GetEnvs");
        assertThat(complete("token generate --methods sleep")).containsExactly("environment.Control.SleepEnv");
    }

    @Test
    void commands_options_and_dates_complete_too() {
        assertThat(complete("tok")).containsExactly("token");
        assertThat(complete("token re")).containsExactly("regenerate", "remove");
        assertThat(complete("token generate --description x --")).contains("--expires-at", "--api-set", "--help")
                .doesNotContain("--description");
        assertThat(complete("token generate --expires-at ")).hasSize(3)
                .allMatch(d -> d.matches("\\d\\d-\\d\\d-\\d{4}"));
        assertThat(complete("token generate --description ")).isEmpty();
    }

    @Test
    void token_ids_complete_from_the_signed_in_account() {
        assertThat(complete("token edit --id ")).as("nobody signed in").isEmpty();
        run("account create --login ann@example.com", TestPlatform.PASSWORD);
        run("signin --login ann@example.com", TestPlatform.PASSWORD);
        run("token generate --description a --api-set Marketplace", TestPlatform.PASSWORD);
        run("token generate --description b --api-set Marketplace", TestPlatform.PASSWORD);
        assertThat(complete("token edit --id ")).containsExactly("1", "2");
        assertThat(complete("token remove --ids 1,")).containsExactly("1,2");
    }
}
