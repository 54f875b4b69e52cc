package dev.pat.app;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.persistence.testing.DatabaseFixture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of every method, fuzzed (jqwik): each call carries a valid session and password, so it gets past
 * authentication to the parameters, with one parameter replaced by a hostile value, sent by GET, by a form or as
 * JSON. Whatever comes, the answer is never HTTP 500 nor result 99, always the platform's JSON shape, and a refused
 * call changes nothing.
 */
class FuzzIT {
    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext server;
    private static String base;
    private static String session;
    private static AccountId account;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeContainer
    static void serve() {
        server = PatApplication.application(new String[] {"serve"}).run("--server.port=0",
                "--pat.db.url=" + DatabaseFixture.freshSqliteUrl(), "--logging.level.pat.access=warn",
                "--pat.attempts.free-per-address=1000000", "--pat.attempts.free-per-login=1000000",
                "--pat.attempts.free-per-login-and-address=1000000",
                "--pat.limits.unauthenticated-per-address=1000000");
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        account = server.getBean(AdministerAccounts.class).createAccount(new Login("fuzz@example.com"),
                new DisplayName("Fuzz"), Password.chosen(PASSWORD)).id();
        ApiClient api = new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
        session = api.post("/1.0/users/authentication/rest/signin", ApiClient.params("login", "fuzz@example.com",
                "password", PASSWORD)).text("session");
        api.post("/1.0/environment/control/rest/createenvironment", ApiClient.params("session", session,
                "envName", "fuzz-env"));
        api.post("/1.0/users/authentication/rest/createtoken", ApiClient.params("session", session, "password",
                PASSWORD, "description", "fuzzed", "tokenTemplate", "Extended Access", "expiresAt",
                ApiClient.inDays(30)));
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** What the account holds, as it matters: tokens (but when they were last used) and environments. */
    private static String state() {
        String tokens = server.getBean(ManageTokens.class).list(account, Optional.empty()).stream()
                .map(t -> t.id() + "|" + t.description() + "|" + t.apiListItems() + "|" + t.expiresAt() + "|"
                        + t.hint()).collect(Collectors.joining(";"));
        String envs = server.getBean(ManageEnvironments.class).list(dev.pat.domain.model.account.Caller.local(account))
                .stream().map(e -> e.name().value() + "|" + e.status()).collect(Collectors.joining(";"));
        return tokens + "#" + envs;
    }

    /** A method, one of its documented parameters, a value for it, and how it is sent. */
    record Call(ApiMethod method, String parameter, String value, String way) {
    }

    /** Every method with its parameters, as the OpenAPI description documents them. */
    private static Map<ApiMethod, List<String>> documented() throws Exception {
        JsonNode paths = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("paths");
        Map<ApiMethod, List<String>> methods = new LinkedHashMap<>();
        for (ApiMethodInfo info : ApiCatalog.platform().methods()) {
            ApiMethod method = info.method();
            if (method.equals(ApiCatalog.SIGNOUT)) {
                continue;
            }
            JsonNode operation = paths.get(path(method)).get("post");
            List<String> names = new java.util.ArrayList<>();
            operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
            methods.put(method, names);
        }
        return methods;
    }

    private static String path(ApiMethod method) {
        return "/1.0/" + method.service().toLowerCase(Locale.ROOT) + "/" + method.group().toLowerCase(Locale.ROOT)
                + "/rest/" + method.method().toLowerCase(Locale.ROOT);
    }

    @Provide
    Arbitrary<Call> calls() throws Exception {
        Map<ApiMethod, List<String>> methods = documented();
        return Arbitraries.of(methods.keySet()).flatMap(method -> Arbitraries.of(methods.get(method))
                .flatMap(parameter -> Arbitraries.frequencyOf(Tuple.of(7, shaped(parameter)), Tuple.of(3, hostile()))
                        .flatMap(value -> Arbitraries.of("get", "form", "json")
                                .map(way -> new Call(method, parameter, value, way)))));
    }

    /** Values of the shape a parameter expects, bent: JSON for env, lists, dates, numbers. */
    private static Arbitrary<String> shaped(String parameter) {
        return switch (parameter) {
            case "env" -> json(3);
            case "ids", "apiList", "envNames", "allowedIps", "keys" -> Arbitraries.oneOf(hostile(),
                    hostile().list().ofMaxSize(6).map(items -> String.join(",", items)), json(2));
            case "expiresAt", "from", "to" -> Arbitraries.oneOf(
                    Arbitraries.integers().between(-5, 20_000).map(y -> String.format("%04d-12-31", y)),
                    Arbitraries.integers().between(0, 40).map(d -> String.format("%02d-13-2027", d)),
                    Arbitraries.strings().withChars("0123456789-: +").ofMaxLength(22));
            case "id", "limit", "startRow", "rateLimit", "idleDays", "gracePeriod" -> Arbitraries.oneOf(
                    Arbitraries.longs().map(String::valueOf), Arbitraries.bigIntegers().map(String::valueOf),
                    Arbitraries.doubles().map(String::valueOf));
            default -> hostile();
        };
    }

    /** JSON values, objects more often than not, with the keys the platform reads among others. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).map(FuzzIT::quoted),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "1.5e300"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = json(depth - 1);
        Arbitrary<String> array = inner.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("shortdomain", "envName", "displayName",
                        "nodes", "x"), inner).as((key, value) -> "{" + quoted(key) + ":" + value + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(2, array), Tuple.of(5, object));
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("0123456789-+*,;[]'\" :{}.eE").ofMaxLength(30),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("", " ", "*", "null", "true", "[]", "{}", "[1,2", "+999999999-12-31",
                        "+1000000-01-01", "31-12-9999", "29-02-2027", "2026-12-31 25:00:00", "00-00-0000",
                        "-1", "0", "9223372036854775808", "1e9999", "NaN", "\u0000", "%00", "%zz", "\u202Eabc",
                        "\u200B", "pat_" + "A".repeat(46), "environment.Control.StopEnv",
                        "['environment.control.StopEnv', 'x']", "10.0.0.0/33", "::1", "shop-*", "*-*",
                        "Extended Access", "custom", "a".repeat(5_000), "1;".repeat(2_000)));
    }

    @Property(tries = 1500)
    void no_input_gets_an_internal_error_and_a_refused_call_changes_nothing(@ForAll("calls") Call call)
            throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        if (!call.method().equals(ApiCatalog.SIGNIN)) {
            params.put("session", session);
        }
        params.put("password", PASSWORD);
        params.put(call.parameter(), call.value());
        String before = state();
        HttpResponse<String> answer = send(call.method(), params, call.way());

        assertThat(answer.statusCode()).as(call.toString()).isIn(200, 400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.has("result")).as(answer.body()).isTrue();
        int result = body.get("result").asInt();
        Statistics.collect(result);
        assertThat(result).as(call + ": " + answer.body()).isNotEqualTo(99);
        if (result != 0) {
            assertThat(body.get("error").asString()).isNotBlank();
            assertThat(state()).as("a refused " + call.method() + " changed nothing").isEqualTo(before);
        }
    }

    private HttpResponse<String> send(ApiMethod method, Map<String, String> params, String way) throws Exception {
        String path = base + path(method);
        HttpRequest.Builder request;
        switch (way) {
            case "get" -> request = HttpRequest.newBuilder(URI.create(path + "?" + form(params))).GET();
            case "form" -> request = HttpRequest.newBuilder(URI.create(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(params)));
            default -> request = HttpRequest.newBuilder(URI.create(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
