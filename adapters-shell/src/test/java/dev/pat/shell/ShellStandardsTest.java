package dev.pat.shell;

import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell held to the standard of gh: strict options, input checked before any password is asked, errors in
 * the shell's own words, output a script can rely on. Each test is one finding of the review that asked for it.
 */
@SpringBootTest(classes = ShellTestConfiguration.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
        "spring.main.web-application-type=none", "pat.shell.mode=test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ShellStandardsTest {
    private static final Pattern VALUE = Pattern.compile("pat_[0-9A-Za-z]{46}");
    private static final String PASSWORD = TestPlatform.PASSWORD;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandLine shell;
    @Autowired
    ShellSession session;
    @Autowired
    TestPlatform platform;
    @Autowired
    PromptProvider prompt;

    ShellCommandsTest.Run run(String line, String... answers) {
        StringWriter out = new StringWriter();
        ShellCommandsTest.ScriptedReader reader = new ShellCommandsTest.ScriptedReader(answers);
        CommandLine.Outcome outcome = shell.run(line, new PrintWriter(out, true), reader);
        return new ShellCommandsTest.Run(outcome.exitCode(), out.toString(), outcome.error(), reader.prompts);
    }

    void annSignedIn() {
        assertThat(run("account create --login ann@example.com", PASSWORD).exitCode()).isZero();
        assertThat(run("signin --login ann@example.com", PASSWORD).exitCode()).isZero();
    }

    ShellCommandsTest.Run ok(String line, String... answers) {
        ShellCommandsTest.Run run = run(line, answers);
        assertThat(run.exitCode()).as(line + ": " + run.error()).isZero();
        return run;
    }

    @AfterEach
    void signOut() {
        session.end();
    }

    @Test
    void unknown_misspelt_and_missing_options_are_refused_with_exit_2_before_anything_runs() {
        annSignedIn();
        ok("token generate --description ci --api-set Marketplace", PASSWORD);

        ShellCommandsTest.Run misspelt = run("token edit --id 1 --expire-at 31-12-2026", PASSWORD);
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.error()).startsWith("unknown option --expire-at (did you mean --expires-at?)");
        assertThat(misspelt.prompts()).isEmpty();
        assertThat(run("token generate --description x --api-set Marketplace --json", PASSWORD).error())
                .startsWith("unknown option --json");
        assertThat(run("token list --logn ann@example.com").error())
                .startsWith("unknown option --logn (did you mean --login?)");
        ShellCommandsTest.Run missing = run("token generate --api-set Marketplace", PASSWORD);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.error()).startsWith("missing --description").doesNotContain("internal error");
        assertThat(run("token edit --id").error()).startsWith("--id needs a value: --id ID");
        assertThat(run("token edit --id 1 --id 2 --description x").error()).startsWith("--id is given twice");
        assertThat(run("token list extra").error()).startsWith("unexpected argument 'extra'");
        assertThat(run("token list --json maybe").error()).startsWith("unexpected argument 'maybe'");
        assertThat(ok("token list --json").output()).contains("\"description\"");
        assertThat(platform.platform.tokens().list(platform.account("zed@example.com").id(),
                java.util.Optional.empty())).isEmpty();
    }

    @Test
    void everything_that_can_be_checked_is_checked_before_the_password_is_asked() {
        annSignedIn();
        ok("token generate --description short --api-set Marketplace --expires-at "
                + java.time.LocalDate.ofInstant(platform.clock.now(), java.time.ZoneOffset.UTC).plusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")), PASSWORD);
        List<String> refused = List.of(
                "token generate --description x --api-set Marketplace --expires-at 01-01-2020",
                "token generate --description x --api-set Gold",
                "token generate --description x --methods environment.Control.Nope",
                "token edit --id 1",
                "token edit --id 1 --expires-at 01-01-2020",
                "token edit --id 7 --description x",
                "token remove --ids 1,7",
                "token copy --id 7");
        for (String line : refused) {
            ShellCommandsTest.Run run = run(line, PASSWORD);
            assertThat(run.exitCode()).as(line).isIn(2, 3);
            assertThat(run.prompts()).as(line + " asked for a password").isEmpty();
        }
        platform.clock.advance(Duration.ofDays(3));
        ok("signin --login ann@example.com", PASSWORD);
        ShellCommandsTest.Run expired = run("token regenerate --id 1", PASSWORD);
        assertThat(expired.error()).contains("--expires-at: the token expired");
        assertThat(expired.prompts()).isEmpty();
        ShellCommandsTest.Run existing = run("account create --login ann@example.com", PASSWORD);
        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.error()).contains("already has an account");
        assertThat(existing.prompts()).isEmpty();
    }

    @Test
    void save_to_an_existing_file_keeps_the_working_value_unless_forced(@TempDir Path dir) throws Exception {
        annSignedIn();
        ok("token generate --description ci --api-set Marketplace", PASSWORD);
        String hint = JSON.readTree(ok("token list --json").output()).get(0).get("hint").asString();
        Path file = Files.writeString(dir.resolve("ci.token"), "someone else's\n");

        ShellCommandsTest.Run refused = run("token regenerate --id 1 --save " + file, PASSWORD);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.error()).contains("already exists; nothing was changed (give --force to replace it)");
        assertThat(refused.output()).doesNotContainPattern(VALUE);
        assertThat(JSON.readTree(ok("token list --json").output()).get(0).get("hint").asString()).isEqualTo(hint);
        assertThat(Files.readString(file)).isEqualTo("someone else's\n");

        ShellCommandsTest.Run forced = ok("token regenerate --id 1 --save " + file + " --force", PASSWORD);
        assertThat(forced.output()).contains("Saved the value to").doesNotContainPattern(VALUE);
        assertThat(Files.readString(file)).containsPattern(VALUE);
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    @Test
    void errors_speak_the_shells_options_once() {
        annSignedIn();
        ShellCommandsTest.Run both = run("token generate --description x --api-set Marketplace --methods GetEnvs",
                PASSWORD);
        assertThat(both.error()).isEqualTo("--methods: give either a predefined API set or a Custom --methods, not"
                + " both");
        assertThat(run("token generate --description x --api-set Gold").error()).startsWith("--api-set: unknown");
        assertThat(run("token generate --description x --api-set Marketplace --expires-at soon").error())
                .startsWith("--expires-at: ");
        assertThat(both.error() + both.output()).doesNotContain("Error while executing", "error:", "apiList");
    }

    @Test
    void short_method_names_are_accepted_where_only_one_method_bears_them() {
        annSignedIn();
        ok("token generate --description ci --methods GetEnvs,stopenv", PASSWORD);
        assertThat(ok("token show --id 1").output()).contains("environment.Control.GetEnvs",
                "environment.Control.StopEnv");
    }

    @Test
    void an_unknown_command_is_one_line_with_the_closest_name_and_help_is_written_as_gh_does() {
        ShellCommandsTest.Run unknown = run("tokn list");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.error()).isEqualTo("unknown command \"tokn\" (did you mean \"token\"?); run 'pat help'"
                + " for the list");
        assertThat(unknown.output()).isEmpty();
        assertThat(run("token lst").error()).startsWith("unknown command \"token lst\" (did you mean \"token list\"?)");

        String help = ok("token generate --help").output();
        assertThat(help).contains("USAGE\n  pat token generate --description TEXT [options]\n",
                "REQUIRED\n  --description TEXT", "OPTIONS\n", "  --save FILE", "  -h, --help");
        assertThat(help).doesNotContain("[Mandatory]", "String", "--api-set String--methods");
        assertThat(help.lines()).allMatch(l -> l.length() <= HelpText.WIDTH);
        assertThat(help).containsPattern("(?m)^  --api-set NAME +a predefined API set");
        assertThat(ok("help").output().lines().count()).isLessThan(60);
        assertThat(ok("token").output()).contains("COMMANDS", "  token list ");
        assertThat(ok("--version").output()).matches("pat \\S+\\n").isEqualTo(ok("version").output());
    }

    @Test
    void login_on_a_command_signs_in_for_that_command_only() {
        annSignedIn();
        ok("account create --login bob@example.com", PASSWORD);
        ok("token generate --description bobs --api-set Marketplace --login bob@example.com", PASSWORD);
        assertThat(prompt.getPrompt().toString()).isEqualTo("pat:ann@example.com> ");
        assertThat(ok("whoami").output()).isEqualTo("Signed in as ann@example.com.\n");
        assertThat(ok("token list --json").output().trim()).as("ann's tokens, not bobs").isEqualTo("[ ]");
        assertThat(ok("token list --json --login bob@example.com", PASSWORD).output()).contains("bobs");
    }

    @Test
    void whoami_asks_the_platform_and_says_when_the_session_has_ended() {
        annSignedIn();
        assertThat(ok("whoami").output()).contains("ann@example.com");
        platform.clock.advance(Duration.ofDays(2));
        ShellCommandsTest.Run ended = run("whoami");
        assertThat(ended.exitCode()).isEqualTo(8);
        assertThat(ended.error()).contains("the session of ann@example.com has ended", "signin --login");
        assertThat(prompt.getPrompt().toString()).isEqualTo("pat> ");
    }

    @Test
    void json_has_a_stable_documented_shape_with_iso_times() throws Exception {
        annSignedIn();
        ok("token generate --description ci --api-set \"IDE Plugins\" --expires-at 31-12-2027", PASSWORD);
        JsonNode token = JSON.readTree(ok("token list --json").output()).get(0);
        assertThat(fields(token)).containsExactly("id", "description", "tokenTemplate", "apiListItems",
                "expiresAt", "createdOn", "lastUsed", "status", "hint", "envNames", "allowedIps", "rateLimit",
                "idleDays", "expiringSoon", "previousValue", "lastUsedIps", "usedMethods");
        assertThat(token.get("expiresAt").asString()).isEqualTo("2027-12-31T23:59:59Z");
        assertThat(Instant.parse(token.get("createdOn").asString())).isEqualTo(platform.clock.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(token.get("tokenTemplate").get("name").asString()).isEqualTo("IDE Plugins");
        JsonNode set = JSON.readTree(ok("api sets --json").output()).get(0);
        assertThat(fields(set)).containsExactly("id", "name", "methods");
        JsonNode owned = JSON.readTree(ok("admin tokens --json").output()).get(0);
        assertThat(owned.get("login").asString()).isEqualTo("ann@example.com");
        assertThat(ok("admin audit --login ann@example.com").output()).contains("ann@example.com\t");
    }

    @Test
    void piped_output_is_tab_separated_without_box_drawing() {
        annSignedIn();
        ok("token generate --description ci --api-set Marketplace", PASSWORD);
        String listed = ok("token list").output();
        assertThat(listed).startsWith("1\tci\tMarketplace\t").doesNotContain("│", "─", "ID\tDESCRIPTION");
    }

    @Test
    void the_qr_code_is_dark_on_light_as_printed_codes_are() {
        String plain = QrCode.draw("otpauth://totp/PAT:ann?secret=ABC", false);
        List<String> rows = plain.lines().toList();
        assertThat(rows.get(0)).as("the quiet zone is light").isBlank();
        // the top-left finder pattern: its first column is dark, so drawn as ink
        assertThat(rows.get(1).charAt(2)).isEqualTo('█');
        String colored = QrCode.draw("otpauth://totp/PAT:ann?secret=ABC", true);
        assertThat(colored.lines()).allMatch(l -> l.startsWith("\u001B[30;107m") && l.endsWith("\u001B[0m"));
    }

    @Test
    void the_otpauth_line_comes_before_the_code_is_asked() {
        ok("account create --login bob@example.com", PASSWORD);
        List<String> seenWhenAsked = new ArrayList<>();
        StringWriter out = new StringWriter();
        CommandLine.Outcome outcome = shell.run("twofactor enable --login bob@example.com", new PrintWriter(out),
                new ShellCommandsTest.ScriptedReader() {
                    @Override
                    public char[] readPassword(String prompt) {
                        seenWhenAsked.add(out.toString());
                        return null;
                    }
                });
        assertThat(outcome.exitCode()).isEqualTo(130);
        assertThat(seenWhenAsked).singleElement().asString().contains("otpauth://totp/");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
