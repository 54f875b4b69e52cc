package dev.pat.shell;

import dev.pat.domain.testing.TestPlatform;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person reads on an 80-column terminal: tables and lists that fit it. */
@SpringBootTest(classes = {ShellTestConfiguration.class, ShellOnATerminalTest.Eighty.class}, properties = {
        "spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
        "spring.main.web-application-type=none", "pat.shell.mode=test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ShellOnATerminalTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Eighty {
        @Bean(destroyMethod = "close")
        Terminal terminal() throws IOException {
            return TerminalBuilder.builder().dumb(true).streams(InputStream.nullInputStream(),
                    OutputStream.nullOutputStream()).size(new Size(80, 24)).build();
        }
    }

    @Autowired
    CommandLine shell;
    @Autowired
    ShellSession session;

    private String ok(String line, String... answers) {
        StringWriter out = new StringWriter();
        CommandLine.Outcome outcome = shell.run(line, new PrintWriter(out, true),
                new ShellCommandsTest.ScriptedReader(answers));
        assertThat(outcome.exitCode()).as(outcome.error()).isZero();
        return out.toString();
    }

    /** What the terminal shows: links (OSC 8) take no room. */
    private static String visible(String output) {
        return output.replaceAll("\u001B]8;;[^\u001B]*\u001B\\\\", "");
    }

    @AfterEach
    void signOut() {
        session.end();
    }

    @Test
    void the_method_list_fits_80_columns_and_marks_only_when_a_token_is_given() {
        String all = visible(ok("api methods"));
        assertThat(all.lines()).allMatch(l -> l.length() <= 80);
        assertThat(all).startsWith("environment.Control.CreateEnvironment\n    Creates an environment\n");
        assertThat(all.lines()).noneMatch(l -> l.startsWith("[") || l.startsWith(" ["));
        assertThat(ok("api methods")).as("each name links to its documentation").contains("\u001B]8;;"
                + "https://docs.dewacloud.com/api/#!/api/environment.Control-method-GetEnvs\u001B\\");

        ok("account create --login ann@example.com", TestPlatform.PASSWORD);
        ok("signin --login ann@example.com", TestPlatform.PASSWORD);
        ok("token generate --description ci --methods GetEnvs", TestPlatform.PASSWORD);
        String marked = visible(ok("api methods --token 1 --search env"));
        assertThat(marked).contains("[x] environment.Control.GetEnvs", "[ ] environment.Control.StopEnv");
        assertThat(marked.lines()).allMatch(l -> l.length() <= 80);
    }

    @Test
    void a_search_that_matches_nothing_says_so() {
        assertThat(ok("api methods --search teleport")).isEqualTo("No methods match 'teleport'. Try a shorter"
                + " word, or no --search for all.\n");
    }

    @Test
    void tokens_are_a_table_that_fits_the_terminal() {
        ok("account create --login ann@example.com", TestPlatform.PASSWORD);
        ok("signin --login ann@example.com", TestPlatform.PASSWORD);
        ok("token generate --description \"deploy from CI to the staging cluster\" --api-set \"Extended Access\"",
                TestPlatform.PASSWORD);
        String table = ok("token list");
        assertThat(table).contains("│", "ID", "DESCRIPTION");
        assertThat(table.lines()).allMatch(l -> l.length() <= 80);
    }
}
