package dev.pat.acceptance.shell;

import dev.pat.acceptance.steps.PlatformDriver;
import dev.pat.shell.CommandLine;
import org.springframework.shell.core.InputReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The features through the admin shell: its commands, run as typed in it, answering its password prompts. */
class ShellDriver implements PlatformDriver {
    private static final Pattern ISSUED = Pattern.compile("token (\\d+) \"");
    /** The shell's options for the API's policy names. */
    private static final Map<String, String> OPTIONS = Map.of("envNames", "--envs", "allowedIps", "--allowed-ips",
            "rateLimit", "--rate-limit", "idleDays", "--idle-days");
    private static final Pattern VALUE = Pattern.compile("pat_[0-9A-Za-z]{46}");
    private static final Pattern CLIPBOARD = Pattern.compile("\u001B]52;c;([A-Za-z0-9+/=]+)\u0007");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CommandLine shell;

    ShellDriver(CommandLine shell) {
        this.shell = shell;
    }

    private record Run(int exitCode, String output, String error) {
    }

    /** Answers each masked prompt with the next scripted answer; none left is end of input. */
    private static final class Answers implements InputReader {
        private final Deque<String> answers;

        Answers(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] readPassword(String prompt) {
            String answer = answers.poll();
            return answer == null ? null : answer.toCharArray();
        }
    }

    private Run run(String line, String... answers) {
        StringWriter out = new StringWriter();
        CommandLine.Outcome outcome = shell.run(line, new PrintWriter(out, true), new Answers(answers));
        return new Run(outcome.exitCode(), out.toString(), outcome.error());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    @Override
    public void createAccount(String login, String password) {
        Run created = run("account create --login " + login, password);
        if (created.exitCode() != 0) {
            throw new AssertionError(created.error());
        }
    }

    @Override
    public Outcome signIn(String login, String password, Optional<String> code) {
        return code.map(c -> outcome(run("signin --login " + login, password, c)))
                .orElseGet(() -> outcome(run("signin --login " + login, password)));
    }

    @Override
    public Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                            Map<String, String> policies, String password, Delivery delivery) {
        Path file = download();
        String line = "token generate --description " + quoted(description) + " --expires-at " + quoted(expiresAt)
                + apiSet.map(s -> " --api-set " + quoted(s)).orElse("")
                + (methods.isEmpty() ? "" : " --methods " + String.join(",", methods))
                + policies.entrySet().stream().map(p -> " " + OPTIONS.get(p.getKey()) + " " + quoted(p.getValue()))
                        .collect(Collectors.joining(""))
                + (delivery == Delivery.DOWNLOADED ? " --save " + quoted(file.toString()) : "")
                + (delivery == Delivery.COPIED ? " --copy" : "");
        Run run = run(line, password);
        Outcome outcome = outcome(run);
        return switch (delivery) {
            case SHOWN -> outcome;
            case DOWNLOADED -> outcome.delivered(file.toString());
            case COPIED -> {
                Matcher osc52 = CLIPBOARD.matcher(run.output());
                yield osc52.find() ? outcome.delivered(new String(Base64.getDecoder().decode(osc52.group(1)),
                        StandardCharsets.UTF_8)) : outcome;
            }
        };
    }

    /** Where a downloaded value goes: a new file in a folder of its own. */
    private static Path download() {
        try {
            return Files.createTempDirectory("pat-download").resolve("token.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Outcome edit(long id, Optional<String> description, Optional<String> expiresAt, Optional<String> apiSet,
                        List<String> methods, String password) {
        return outcome(run("token edit --id " + id + description.map(d -> " --description " + quoted(d)).orElse("")
                + expiresAt.map(e -> " --expires-at " + quoted(e)).orElse("")
                + apiSet.map(a -> " --api-set " + quoted(a)).orElse("")
                + (methods.isEmpty() ? "" : " --methods " + String.join(",", methods)), password));
    }

    @Override
    public Outcome regenerate(long id, Optional<String> expiresAt, int graceMinutes, String password) {
        return outcome(run("token regenerate --id " + id + expiresAt.map(e -> " --expires-at " + e).orElse("")
                + (graceMinutes > 0 ? " --grace-period " + graceMinutes : ""), password));
    }

    @Override
    public List<EventView> log(long tokenId) {
        List<EventView> events = new ArrayList<>();
        json(run("token log --id " + tokenId + " --json")).forEach(e -> events.add(new EventView(
                e.get("what").asString(), e.get("method").isNull() ? "" : e.get("method").asString(),
                e.get("address").asString(), e.get("result").asString(), e.get("count").asLong())));
        return events;
    }

    @Override
    public Outcome narrow(long id, String password) {
        return outcome(run("token narrow --id " + id, password));
    }

    @Override
    public Outcome endOverlap(long id, String password) {
        return outcome(run("token end-grace --id " + id, password));
    }

    @Override
    public Outcome copy(long id, String description, String password) {
        return outcome(run("token copy --id " + id + " --description " + quoted(description), password));
    }

    @Override
    public Outcome remove(List<Long> ids, String password) {
        return outcome(run("token remove --ids " + ids.stream().map(String::valueOf).collect(Collectors.joining(",")),
                password));
    }

    @Override
    public Outcome removeAll(String password) {
        return outcome(run("token remove --all", password));
    }

    @Override
    public String field(String seedWord) {
        return switch (seedWord) {
            case "Expires At" -> "--expires-at";
            case "API" -> "--methods";
            default -> throw new IllegalArgumentException("no field " + seedWord);
        };
    }

    @Override
    public List<TokenView> list() {
        List<TokenView> rows = new ArrayList<>();
        for (JsonNode t : json(run("token list --json"))) {
            JsonNode previous = t.get("previousValue");
            rows.add(new TokenView(t.get("id").asLong(), t.get("description").asString(),
                    t.get("tokenTemplate").get("name").asString(),
                    LocalDate.parse(t.get("expiresAt").asString().substring(0, 10))
                            .format(DateTimeFormatter.ofPattern("dd-MM-yyyy")),
                    t.get("status").asString(), t.get("envNames").valueStream().map(JsonNode::asString).toList(),
                    t.get("expiringSoon").asBoolean(), previous == null || previous.isNull() ? Optional.empty()
                    : Optional.of(previous.get("hint").asString()),
                    t.get("lastUsedIps").valueStream().map(JsonNode::asString).toList()));
        }
        return rows;
    }

    private static JsonNode json(Run run) {
        if (run.exitCode() != 0) {
            throw new AssertionError(run.error());
        }
        return JSON.readTree(run.output());
    }

    @Override
    public String listingText() {
        return run("token list").output() + run("token list --json").output();
    }

    @Override
    public List<MethodView> methods(String search) {
        List<MethodView> found = new ArrayList<>();
        json(run("api methods --search " + quoted(search) + " --json")).forEach(m ->
                found.add(new MethodView(m.get("method").asString(), m.get("docUrl").asString())));
        return found;
    }

    @Override
    public List<String> checkedMethods(long tokenId) {
        List<String> methods = new ArrayList<>();
        json(run("api methods --token " + tokenId + " --only-checked --json"))
                .forEach(m -> methods.add(m.get("method").asString()));
        return methods;
    }

    @Override
    public void signOut() {
        run("signout");
    }

    private static Outcome outcome(Run run) {
        if (run.exitCode() == 0) {
            Matcher id = ISSUED.matcher(run.output());
            Matcher value = VALUE.matcher(run.output());
            // what the shell printed, for steps that read it (a warning after sign-in)
            return Outcome.ok(id.find() ? Optional.of(Long.parseLong(id.group(1))) : Optional.empty(),
                    value.find() ? Optional.of(value.group()) : Optional.empty()).saying(run.output());
        }
        Failure failure = switch (run.exitCode()) {
            case 2 -> Failure.INVALID;
            case 3 -> Failure.NOT_FOUND;
            case 4 -> Failure.WRONG_PASSWORD;
            case 5 -> Failure.TWO_FACTOR;
            case 7 -> Failure.LIMIT;
            case 8 -> Failure.NOT_PERMITTED;
            default -> Failure.OTHER;
        };
        // what the user reads after the shell's "error: " prefix
        return Outcome.failed(failure, run.error());
    }
}
