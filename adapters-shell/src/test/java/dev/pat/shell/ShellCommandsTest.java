package dev.pat.shell;

import dev.pat.domain.testing.FakeSecondFactor;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.test.annotation.DirtiesContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin shell's commands, run as the shell runs a typed line, with a scripted input reader for the ones that
 * ask for a password.
 */
@SpringBootTest(classes = ShellTestConfiguration.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
        "spring.main.web-application-type=none", "pat.shell.mode=test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ShellCommandsTest {
    private static final Pattern VALUE = Pattern.compile("pat_[0-9A-Za-z]{46}");
    private static final String PASSWORD = TestPlatform.PASSWORD;

    @Autowired
    CommandLine shell;
    @Autowired
    ShellSession session;
    @Autowired
    PromptProvider prompt;
    @Autowired
    TestPlatform platform;

    /** What a command printed and how it ended. */
    record Run(int exitCode, String output, String error, List<String> prompts) {
    }

    /**
     * Answers password prompts from a script, only through the masked readPassword; a plain readInput for a
     * secret would fail the test. An exhausted script is end of input.
     */
    static class ScriptedReader implements InputReader {
        final Deque<String> answers;
        final List<String> prompts = new java.util.ArrayList<>();

        ScriptedReader(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            String answer = answers.poll();
            return answer == null ? null : answer.toCharArray();
        }

        @Override
        public String readInput(String prompt) {
            throw new AssertionError("a secret was asked for with echo: " + prompt);
        }
    }

    Run run(String line, String... answers) {
        StringWriter out = new StringWriter();
        ScriptedReader reader = new ScriptedReader(answers);
        CommandLine.Outcome outcome = shell.run(line, new PrintWriter(out, true), reader);
        return new Run(outcome.exitCode(), out.toString(), outcome.error(), reader.prompts);
    }

    String screen(String line) {
        return run(line).output();
    }

    void annSignedIn() throws Exception {
        assertThat(run("account create --login ann@example.com --name Ann", PASSWORD).exitCode()).isZero();
        assertThat(run("signin --login ann@example.com", PASSWORD).exitCode()).isZero();
    }

    String generate(String extra) throws Exception {
        Run generated = run("token generate --description \"deploy from CI\" --expires-at 31-12-2026"
                + " --api-set \"IDE Plugins\" " + extra, PASSWORD);
        assertThat(generated.exitCode()).as(generated.error()).isZero();
        return generated.output();
    }

    @AfterEach
    void signOut() {
        session.end();
    }

    @Test
    void help_lists_every_command_with_what_it_does() throws Exception {
        String help = screen("help");
        for (String command : new String[] {"token list", "token generate", "token edit", "token regenerate",
                "token copy", "token remove", "api methods", "api sets", "signin", "signout", "account create",
                "twofactor enable", "admin tokens", "admin remove-token"}) {
            assertThat(help).containsPattern("(?m)^  " + command + " +[A-Z]");
        }
        assertThat(screen("help token generate")).contains("--expires-at DATE", "dd-mm-yyyy", "REQUIRED\n"
                + "  --description TEXT");
    }

    @Test
    void a_new_value_is_shown_once_and_never_in_a_listing() throws Exception {
        annSignedIn();
        String output = generate("");
        Matcher value = VALUE.matcher(output);
        assertThat(value.find()).isTrue();
        assertThat(output).contains("it will not be shown again");

        assertThat(run("token list").output()).contains("deploy from CI", "IDE Plugins", "active", "pat_…")
                .doesNotContain(value.group());
        assertThat(run("token list --json").output()).contains("\"hint\"").doesNotContain(value.group());
        assertThat(run("admin tokens --json").output()).doesNotContain(value.group());
    }

    @Test
    void the_password_is_asked_masked_before_every_change_and_a_wrong_one_applies_nothing() throws Exception {
        annSignedIn();
        Run wrong = run("token generate --description x --expires-at 31-12-2026 --api-set Marketplace",
                "not the password");
        assertThat(wrong.prompts()).containsExactly("Password (confirms the change): ");
        assertThat(wrong.exitCode()).isEqualTo(4);
        assertThat(wrong.error()).contains("password confirmation failed", "nothing was changed");
        assertThat(run("token list --json").output().trim()).isEqualTo("[ ]");
    }

    @Test
    void end_of_input_at_the_password_prompt_abandons_the_change() throws Exception {
        annSignedIn();
        Run abandoned = run("token generate --description x --expires-at 31-12-2026 --api-set Marketplace");
        assertThat(abandoned.exitCode()).isEqualTo(130);
        assertThat(abandoned.error()).contains("abandoned", "nothing was changed");
        assertThat(run("token list --json").output().trim()).isEqualTo("[ ]");
    }

    @Test
    void mistyped_dates_sets_and_methods_are_explained_with_the_closest_names() throws Exception {
        annSignedIn();
        Run date = run("token generate --description x --expires-at 31-02-2026 --api-set Marketplace", PASSWORD);
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.error()).contains("--expires-at: '31-02-2026' is not a date");
        assertThat(date.prompts()).isEmpty();
        Run set = run("token generate --description x --expires-at 31-12-2026 --api-set Gold", PASSWORD);
        assertThat(set.error()).contains("known: Extended Access, IDE Plugins, Marketplace, Maven Plugin, Custom");
        Run method = run("token generate --description x --expires-at 31-12-2026"
                + " --methods environment.Control.StopEnvs",
                PASSWORD);
        assertThat(method.error()).contains("did you mean environment.Control.StopEnv?");
        Run missing = run("token remove --ids 41", PASSWORD);
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.error()).contains("token 41 not found");
    }

    @Test
    void edit_regenerate_copy_and_remove_several() throws Exception {
        annSignedIn();
        String first = generate("");
        assertThat(run("token edit --id 1 --description renamed", PASSWORD).output()).contains("renamed");
        Run regenerated = run("token regenerate --id 1", PASSWORD);
        Matcher oldValue = VALUE.matcher(first);
        Matcher newValue = VALUE.matcher(regenerated.output());
        assertThat(oldValue.find() && newValue.find()).isTrue();
        assertThat(newValue.group()).isNotEqualTo(oldValue.group());
        assertThat(regenerated.output()).contains("old value no longer works");
        assertThat(run("token copy --id 1", PASSWORD).output()).contains("Copy of renamed");
        assertThat(run("token remove --ids 1,2", PASSWORD).output()).contains("Removed 2 tokens.");
        assertThat(run("token list").output()).contains("No access tokens yet");
    }

    @Test
    void save_writes_an_owner_only_file_and_never_overwrites(@TempDir Path dir) throws Exception {
        annSignedIn();
        Path file = dir.resolve("ci.token");
        String saved = generate("--save " + file);
        assertThat(saved).contains("Saved the value to").doesNotContainPattern(VALUE);
        assertThat(Files.readString(file)).containsPattern(VALUE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String kept = Files.readString(file);
        Run again = run("token generate --description again --api-set Marketplace --save " + file, PASSWORD);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.error()).contains("already exists; nothing was changed (give --force to replace it)");
        assertThat(again.prompts()).as("refused before the password is asked").isEmpty();
        assertThat(again.output()).doesNotContainPattern(VALUE);
        assertThat(Files.readString(file)).isEqualTo(kept);
        assertThat(run("token generate --description x --api-set Marketplace --save " + dir.resolve("no/such/x"),
                PASSWORD).error()).contains("cannot write in");
    }

    @Test
    void the_operator_reads_the_audit_trail_and_revokes_leaked_values_from_standard_input() throws Exception {
        annSignedIn();
        String value = generate("").lines().filter(l -> l.startsWith("pat_")).findFirst().orElseThrow();
        Run revoked = run("admin revoke-leaked", value, "pat_0123456789abcdefghijABCDEFGHIJ0123456789zzzzzz", "");
        assertThat(revoked.exitCode()).as(revoked.error()).isZero();
        assertThat(revoked.output()).contains("Read 2 values; 1 was live and is revoked.");
        assertThat(revoked.prompts()).as("values are read masked, as secrets").isNotEmpty();
        String audit = run("admin audit --login ann@example.com --json").output();
        assertThat(audit).contains("\"what\" : \"token-revoked-for-leak\"", "\"actor\" : \"operator\"",
                "\"what\" : \"token-generated\"").doesNotContain(value);
        assertThat(run("token list --json").output()).contains("revoked-for-leak");
        assertThat(run("token log --kind lunch").exitCode()).as("a kind that does not exist").isEqualTo(2);
    }

    @Test
    void copy_puts_the_value_on_the_terminals_clipboard() throws Exception {
        annSignedIn();
        assertThat(generate("--copy")).contains("\u001B]52;c;").contains("Sent the value to the terminal's clipboard",
                "paste once to check").doesNotContain("Copied");
    }

    @Test
    void the_method_picker_searches_and_shows_a_tokens_checked_methods() throws Exception {
        annSignedIn();
        generate("");
        assertThat(run("api methods --search stop").output()).contains("environment.Control.StopEnv", "https://");
        String checked = run("api methods --token 1 --only-checked").output();
        assertThat(checked).as("piped: tab-separated, the mark first")
                .contains("x\tenvironment.Control.StopEnv\tStops an environment\thttps://").doesNotContain("DeleteEnv");
        assertThat(screen("api sets")).contains("IDE Plugins", "Marketplace", "Maven Plugin", "Custom");
    }

    @Test
    void the_prompt_shows_who_is_signed_in() throws Exception {
        assertThat(prompt.getPrompt().toString()).isEqualTo("pat> ");
        annSignedIn();
        assertThat(prompt.getPrompt().toString()).isEqualTo("pat:ann@example.com> ");
        run("signout");
        assertThat(prompt.getPrompt().toString()).isEqualTo("pat> ");
        assertThat(run("token list").exitCode()).isEqualTo(8);
    }

    @Test
    void two_factor_is_turned_on_with_a_qr_code_and_then_asked_at_sign_in() throws Exception {
        assertThat(run("account create --login bob@example.com", PASSWORD).exitCode()).isZero();
        String code = FakeSecondFactor.codeAt(platform.clock.now());
        Run enabled = run("twofactor enable --login bob@example.com", code);
        assertThat(enabled.exitCode()).as(enabled.error()).isZero();
        assertThat(enabled.output()).contains("otpauth://totp/", "█", "Two-factor authentication is on");

        Run wrongCode = run("signin --login bob@example.com", PASSWORD, "000000");
        assertThat(wrongCode.exitCode()).isEqualTo(5);
        assertThat(run("signin --login bob@example.com", PASSWORD, code).error()).contains("already used");
        platform.clock.advance(java.time.Duration.ofSeconds(30));
        Run signedIn = run("signin --login bob@example.com", PASSWORD, FakeSecondFactor.codeAt(platform.clock.now()));
        assertThat(signedIn.prompts()).containsExactly("Password for bob@example.com: ", "Two-factor code: ");
        assertThat(signedIn.exitCode()).isZero();
    }
}
