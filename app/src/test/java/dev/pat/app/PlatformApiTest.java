package dev.pat.app;

import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.testing.PinnedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's flows over real HTTP against the whole app: a real database, a pinned clock. Subclasses choose
 * the database (SQLite file or PostgreSQL) through {@code pat.db.url}, exactly as PAT_DB_URL does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=" + PatApplication.SHELL_AUTOCONFIGURATION)
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class PlatformApiTest {
    static final String AUTH = "/1.0/users/authentication/rest/";
    static final String ENV = "/1.0/environment/control/rest/";
    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AdministerAccounts admin;
    @Autowired
    PinnedClock clock;
    @Autowired
    dev.pat.persistence.Database database;

    ApiClient api;
    String login;
    String session;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        login = "user" + ACCOUNTS.incrementAndGet() + "@example.com";
        admin.createAccount(new Login(login), new DisplayName("Test User"), Password.chosen(PASSWORD));
        ApiClient.Answer signin = api.post(AUTH + "signin", params("login", login, "password", PASSWORD));
        assertThat(signin.result()).as(signin.body().toString()).isZero();
        assertThat(signin.text("email")).isEqualTo(login);
        assertThat(signin.body().get("uid").asLong()).isPositive();
        session = signin.text("session");
    }

    ApiClient.Answer createToken(String... more) {
        Map<String, String> params = params("session", session, "password", PASSWORD, "description", "IDE",
                "tokenTemplate", "IDE Plugins", "expiresAt", "31-12-2026");
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return api.post(AUTH + "createtoken", params);
    }

    String tokenValue(ApiClient.Answer created) {
        assertThat(created.result()).as(created.body().toString()).isZero();
        return created.body().get("token").get("key").asString();
    }

    long tokenId(ApiClient.Answer created) {
        return created.body().get("token").get("id").asLong();
    }

    void createEnvironment(String name) {
        ApiClient.Answer created = api.post(ENV + "createenvironment",
                params("session", session, "env", "{\"shortdomain\":\"" + name + "\"}"));
        assertThat(created.result()).as(created.body().toString()).isZero();
    }

    int status(String env) {
        return api.get(ENV + "getenvinfo", params("session", session, "envName", env)).body()
                .get("env").get("status").asInt();
    }

    @Test
    void the_seeds_flow_from_generate_to_remove() {
        String env = "p" + ACCOUNTS.get() + "-my-project";
        createEnvironment(env);
        ApiClient.Answer created = createToken();
        String token = tokenValue(created);
        assertThat(token).matches("pat_[0-9A-Za-z]{46}");
        assertThat(created.body().get("token").get("tokenTemplate").get("name").asString()).isEqualTo("IDE Plugins");

        // the seed's own example: stop an environment with session=TOKEN
        ApiClient.Answer stopped = api.get(ENV + "stopenv", params("envName", env, "session", token));
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.result()).isZero();
        assertThat(stopped.body().has("error") ? stopped.error() : "").isEmpty();
        assertThat(status(env)).isEqualTo(2);

        // a method outside the IDE Plugins set
        ApiClient.Answer denied = api.post(ENV + "deleteenv", params("envName", env, "session", token,
                "password", PASSWORD));
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.result()).isEqualTo(8);
        assertThat(denied.text("source")).isEqualTo("environment");
        assertThat(status(env)).isEqualTo(2);

        // a token can never manage tokens
        assertThat(api.get(AUTH + "gettokens", params("session", token)).result()).isEqualTo(8);

        // regenerate: the old value fails at once, the new one works
        ApiClient.Answer regenerated = api.post(AUTH + "regeneratetoken", params("session", session,
                "password", PASSWORD, "id", Long.toString(tokenId(created))));
        String renewed = tokenValue(regenerated);
        assertThat(api.get(ENV + "startenv", params("envName", env, "session", token)).result()).isEqualTo(702);
        assertThat(api.get(ENV + "startenv", params("envName", env, "session", renewed)).result()).isZero();
        assertThat(status(env)).isEqualTo(1);

        // expiry under the pinned clock
        clock.set(java.time.Instant.parse("2027-01-01T00:00:00Z"));
        ApiClient.Answer expired = api.get(ENV + "stopenv", params("envName", env, "session", renewed));
        assertThat(expired.result()).isEqualTo(702);
        assertThat(expired.error()).contains("expired");
        clock.set(java.time.Instant.parse("2026-11-27T10:00:00Z"));

        // remove
        ApiClient.Answer removed = api.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD,
                "ids", Long.toString(tokenId(created))));
        assertThat(removed.result()).isZero();
        assertThat(api.get(ENV + "stopenv", params("envName", env, "session", renewed)).result()).isEqualTo(702);
        assertThat(api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens")).isEmpty();
    }

    @Test
    void every_change_needs_the_right_password() {
        String id = Long.toString(tokenId(createToken()));
        Map<String, Map<String, String>> changes = Map.of(
                "createtoken", params("description", "x", "tokenTemplate", "Marketplace", "expiresAt", "2026-12-31"),
                "edittoken", params("id", id, "description", "changed"),
                "regeneratetoken", params("id", id),
                "copytoken", params("id", id),
                "deletetokens", params("ids", id));
        changes.forEach((method, params) -> {
            params.put("session", session);
            params.put("password", "not my password");
            ApiClient.Answer answer = api.post(AUTH + method, params);
            assertThat(answer.result()).as(method).isEqualTo(703);
        });
        var listed = api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("description").asString()).isEqualTo("IDE");
    }

    @Test
    void the_value_is_shown_once_and_never_in_a_listing() {
        String token = tokenValue(createToken());
        ApiClient.Answer listed = api.get(AUTH + "gettokens", params("session", session, "ids", "*"));
        assertThat(listed.body().toString()).doesNotContain(token).doesNotContain("\"key\"");
        assertThat(listed.body().get("apiTokens").get(0).get("hint").asString()).isEqualTo("pat_…"
                + token.substring(token.length() - 4));
        assertThat(listed.body().get("apiTokens").get(0).get("status").asString()).isEqualTo("active");
    }

    @Test
    void edit_copy_and_refresh_work_as_in_the_dashboard() {
        ApiClient.Answer created = createToken();
        String id = Long.toString(tokenId(created));
        ApiClient.Answer edited = api.post(AUTH + "edittoken", params("session", session, "password", PASSWORD,
                "id", id, "apiList", "['environment.control.GetEnvs', 'environment.Control.StopEnv']"));
        assertThat(edited.result()).as(edited.body().toString()).isZero();
        assertThat(edited.body().get("token").has("key")).isFalse();
        assertThat(edited.body().get("token").get("tokenTemplate").get("name").asString()).isEqualTo("Custom");
        assertThat(edited.body().get("token").get("apiListItems")).hasSize(2);

        ApiClient.Answer copy = api.post(AUTH + "copytoken", params("session", session, "password", PASSWORD,
                "id", id, "description", "copy for a colleague"));
        assertThat(tokenValue(copy)).isNotEqualTo(tokenValue(created));
        assertThat(copy.body().get("token").get("apiListItems")).hasSize(2);

        ApiClient.Answer some = api.get(AUTH + "gettokens", params("session", session, "ids", id + ";999"));
        assertThat(some.body().get("apiTokens")).hasSize(1);
        assertThat(api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens")).hasSize(2);
    }

    @Test
    void the_method_picker_lists_methods_and_sets() {
        ApiClient.Answer methods = api.get(AUTH + "gettokenapilist", params("session", session, "search", "stop"));
        assertThat(methods.body().get("tokenPermissions").toString()).contains("environment.Control.StopEnv",
                "docUrl");
        ApiClient.Answer sets = api.get(AUTH + "gettokentemplates", params("session", session));
        assertThat(sets.body().get("templates")).hasSize(4);
    }

    @Test
    void a_bearer_header_works_and_must_agree_with_the_session_parameter() {
        String env = "b" + ACCOUNTS.get() + "-bearer";
        createEnvironment(env);
        String token = tokenValue(createToken());
        ApiClient.Answer viaHeader = api.send(HttpRequest.newBuilder(URI.create(api.base() + ENV
                + "stopenv?envName=" + env)).header("Authorization", "Bearer " + token).GET());
        assertThat(viaHeader.result()).isZero();
        ApiClient.Answer both = api.send(HttpRequest.newBuilder(URI.create(api.base() + ENV
                + "stopenv?envName=" + env + "&session=" + session)).header("Authorization", "Bearer " + token).GET());
        assertThat(both.result()).isEqualTo(4);
        assertThat(both.error()).startsWith("session:");
    }

    @Test
    void clients_of_the_public_platform_are_understood() {
        String env = "c" + ACCOUNTS.get() + "-compat";
        createEnvironment(env);
        // no /1.0 prefix, upper-case REST, mixed-case method, unknown parameters, JSON content type on a GET
        ApiClient.Answer answer = api.send(HttpRequest.newBuilder(URI.create(api.base()
                + "/environment/Control/REST/GetEnvInfo?envName=" + env + "&session=" + session
                + "&appid=cluster&charset=UTF-8&ruk=x&actionkey=y")).header("Content-Type", "application/json").GET());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.result()).isZero();
        for (String key : new String[] {"envName", "shortdomain", "domain", "appid", "status", "uid", "createdOn",
                "hardwareNodeGroup", "sslstate", "ishaenabled", "extdomains"}) {
            assertThat(answer.body().get("env").has(key)).as(key).isTrue();
        }
        assertThat(answer.body().has("nodes")).isTrue();
        ApiClient.Answer envs = api.get(ENV + "getenvs", params("session", session));
        assertThat(envs.body().get("infos").get(0).get("env").get("envName").asString()).isEqualTo(env);
        // an empty value means absent
        assertThat(api.get(ENV + "getenvs", params("session", "")).result()).isEqualTo(702);
    }

    @Test
    void lists_arrive_as_json_arrays_python_lists_separated_text_or_repeated_keys() {
        ApiClient.Answer json = createToken("tokenTemplate", "Custom",
                "apiList", "[\"environment.Control.StopEnv\", \"environment.Control.GetEnvs\"]");
        assertThat(json.body().get("token").get("apiListItems")).hasSize(2);
        long first = tokenId(json);
        long second = tokenId(createToken());
        long third = tokenId(createToken());
        String query = "session=" + session + "&password=" + PASSWORD.replace(" ", "%20") + "&ids=" + first + "&ids="
                + second;
        ApiClient.Answer repeated = api.send(HttpRequest.newBuilder(URI.create(api.base() + AUTH + "deletetokens?"
                + query)).GET());
        assertThat(repeated.result()).as(repeated.body().toString()).isZero();
        assertThat(api.get(AUTH + "gettokens", params("session", session, "ids", "[" + third + "]")).body()
                .get("apiTokens")).hasSize(1);
        assertThat(api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens")).hasSize(1);
    }

    @Test
    void bad_input_gets_a_result_code_and_a_sentence_naming_the_parameter() {
        expectInvalid(createToken("tokenTemplate", "Gold"), "tokenTemplate");
        expectInvalid(createToken("tokenTemplate", "Custom", "apiList", "environment.Control.Explode"), "apiList");
        expectInvalid(createToken("tokenTemplate", "Custom"), "apiList");
        for (String date : new String[] {"32-12-2026", "2026-02-30", "2026-12-31 25:00:00", "soon", "01-01-2020"}) {
            expectInvalid(createToken("expiresAt", date), "expiresAt");
        }
        expectInvalid(createToken("description", ""), "description");
        expectInvalid(createToken("description", "d".repeat(10_000)), "description");
        expectInvalid(createToken("description", "d".repeat(300_000)), "body");
        expectInvalid(api.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD,
                "ids", "1,two,3")), "ids");
        expectInvalid(api.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD,
                "ids", "1," + "7,".repeat(10_000))), "ids");
        expectInvalid(api.post(AUTH + "regeneratetoken", params("session", session, "password", PASSWORD)), "id");
        expectInvalid(api.post(ENV + "createenvironment", params("session", session, "env", "{not json")), "env");
        expectInvalid(api.send(HttpRequest.newBuilder(URI.create(api.base() + AUTH + "createtoken"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[1,2"))), "body");
        assertThat(api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens")).isEmpty();
        assertThat(api.get(ENV + "getenvinfo", params("session", session, "envName", "nowhere")).result())
                .isEqualTo(11);
    }

    @Test
    void the_openapi_description_names_every_method_and_its_parameters() {
        ApiClient.Answer docs = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/v3/api-docs")).GET());
        assertThat(docs.status()).isEqualTo(200);
        var stop = docs.body().get("paths").get("/1.0/environment/control/rest/stopenv");
        assertThat(stop.get("get").get("parameters").toString()).contains("\"envName\"", "\"session\"");
        assertThat(docs.body().get("paths").get("/1.0/users/authentication/rest/signin").has("get")).isTrue();
        assertThat(docs.body().get("paths").size()).as("every method of the catalog, each once")
                .isEqualTo(dev.pat.domain.model.catalog.ApiCatalog.platform().methods().size());
        assertThat(docs.body().get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(docs.body().get("info").get("title").asString()).isNotBlank();
        var parameter = stop.get("get").get("parameters").get(0);
        assertThat(parameter.get("in").asString()).isEqualTo("query");
        assertThat(parameter.get("schema").get("type").asString()).isEqualTo("string");
        var answer = stop.get("post").get("responses").get("200").get("content").get("application/json");
        assertThat(answer.get("schema").get("properties").get("result").get("type").asString()).isEqualTo("integer");
        assertThat(docs.body().toString()).as("only OpenAPI's own fields, none of the models' bookkeeping")
                .doesNotContain("\"types\"", "exampleSetFlag", "specVersion", "extensions");
    }

    @Test
    void unknown_methods_are_json_404() {
        ApiClient.Answer answer = api.get("/1.0/environment/control/rest/explode", params("session", session));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.result()).isNotZero();
        assertThat(answer.error()).contains("unknown method");
    }

    @Test
    void secrets_never_reach_the_log(CapturedOutput output) throws InterruptedException {
        String token = tokenValue(createToken());
        api.get(ENV + "getenvs", params("session", token));
        api.get(AUTH + "gettokens", params("session", session, "password", PASSWORD));
        api.post(AUTH + "signin", params("login", login, "password", "wrong password here"));
        // the access log is written by a background thread: wait (boundedly) for the last line to arrive
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!output.getAll().contains("POST " + AUTH + "signin") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(output.getAll()).contains("GET " + ENV + "getenvs?session=[redacted]")
                .contains("POST " + AUTH + "signin")
                .doesNotContain(token).doesNotContain(session).doesNotContain(PASSWORD)
                .doesNotContain("wrong password here");
    }

    @Test
    void another_accounts_tokens_and_environments_do_not_exist_for_you() {
        ApiClient.Answer mine = createToken();
        String env = "o" + ACCOUNTS.get() + "-owned";
        createEnvironment(env);
        String otherLogin = "other" + ACCOUNTS.incrementAndGet() + "@example.com";
        admin.createAccount(new Login(otherLogin), new DisplayName("Other"), Password.chosen(PASSWORD));
        String other = api.post(AUTH + "signin", params("login", otherLogin, "password", PASSWORD)).text("session");
        String id = Long.toString(tokenId(mine));
        ApiClient.Answer edit = api.post(AUTH + "edittoken", params("session", other, "password", PASSWORD,
                "id", id, "description", "stolen"));
        ApiClient.Answer missing = api.post(AUTH + "edittoken", params("session", other, "password", PASSWORD,
                "id", "987654", "description", "stolen"));
        assertThat(edit.result()).isEqualTo(5);
        assertThat(edit.error()).isEqualTo("token " + id + " not found");
        assertThat(missing.error()).isEqualTo("token 987654 not found");
        assertThat(api.get(ENV + "stopenv", params("session", other, "envName", env)).result()).isEqualTo(11);
        assertThat(status(env)).isEqualTo(1);
    }

    @Test
    void signin_and_the_two_factor_code_work_by_get_and_the_password_never_reaches_the_log(CapturedOutput output)
            throws InterruptedException {
        ApiClient.Answer signedIn = api.get(AUTH + "signin", params("login", login, "password", PASSWORD));
        assertThat(signedIn.result()).as(signedIn.body().toString()).isZero();
        String byGet = signedIn.text("session");
        assertThat(api.get(AUTH + "checksign", params("session", byGet)).result()).isZero();
        assertThat(api.get(AUTH + "verify2facode", params("session", byGet, "code", "123456")).result())
                .as("no two-factor on this account: nothing to verify").isZero();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!output.getAll().contains("GET " + AUTH + "verify2facode") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(output.getAll()).contains("GET " + AUTH + "signin?login=").contains("password=[redacted]")
                .doesNotContain(PASSWORD).doesNotContain(PASSWORD.replace(" ", "+"))
                .doesNotContain(PASSWORD.replace(" ", "%20")).doesNotContain(byGet).contains("code=[redacted]");
    }

    @Test
    void answers_that_carry_a_secret_are_never_cached() {
        HttpRequest signin = HttpRequest.newBuilder(URI.create(api.base() + AUTH + "signin?" + ApiClient.form(
                params("login", login, "password", PASSWORD)))).GET().build();
        HttpRequest create = HttpRequest.newBuilder(URI.create(api.base() + AUTH + "createtoken"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.form(params("session", session, "password",
                        PASSWORD, "description", "x", "tokenTemplate", "Marketplace")))).build();
        for (HttpRequest request : List.of(signin, create)) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.body()).containsAnyOf("\"session\"", "\"key\"");
                assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
                // JSON is never sniffed as anything else; the page's document headers are not the API's
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
                assertThat(answer.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
                assertThat(answer.headers().firstValue("Content-Security-Policy")).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void remove_all_with_ids_star_removes_every_token_of_the_account_and_only_those() {
        String first = tokenValue(createToken());
        tokenValue(createToken());
        ApiClient.Answer removed = api.post(AUTH + "deletetokens", params("session", session, "password", PASSWORD,
                "ids", "*"));
        assertThat(removed.result()).as(removed.body().toString()).isZero();
        assertThat(api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens")).isEmpty();
        assertThat(api.get(ENV + "getenvs", params("session", first)).result()).isEqualTo(702);
        assertThat(api.post(AUTH + "deletetokens", params("session", session, "password", "wrong password",
                "ids", "*")).result()).isEqualTo(703);
    }

    @Test
    void a_token_given_no_expiry_gets_the_longest_lifetime_and_the_answer_says_which_date() {
        ApiClient.Answer created = api.post(AUTH + "createtoken", params("session", session, "password", PASSWORD,
                "description", "no date", "tokenTemplate", "IDE Plugins"));
        assertThat(created.result()).as(created.body().toString()).isZero();
        assertThat(created.body().get("token").get("expiresAt").asString()).isEqualTo("2027-11-28 23:59:59");
        expectInvalid(createToken("expiresAt", "01-01-2028"), "expiresAt");
    }

    @Test
    void token_objects_carry_their_api_list_items_as_the_platforms_openapi_names_them() {
        var token = createToken().body().get("token");
        assertThat(token.get("apiListItems").get(0).has("method")).isTrue();
        assertThat(token.get("apiListItems").get(0).get("name").asString())
                .isEqualTo(token.get("apiListItems").get(0).get("method").asString());
        assertThat(token.get("tokenTemplate").get("apiListItems")).hasSize(4);
        assertThat(token.get("tokenTemplate").get("id").asString()).isEqualTo("ide-plugins");
    }

    @Test
    void an_environment_answers_with_what_it_was_created_with_and_its_display_name_can_change() {
        String env = "f" + ACCOUNTS.get() + "-shop";
        ApiClient.Answer created = api.post(ENV + "createenvironment", params("session", session,
                "env", "{\"shortdomain\":\"" + env + "\",\"displayName\":\"Shop\",\"sslstate\":true,"
                        + "\"ishaenabled\":true,\"region\":\"eu-west\"}",
                "nodes", "[{\"nodeType\":\"tomcat9\",\"count\":2,\"fixedCloudlets\":1,\"flexibleCloudlets\":8,"
                        + "\"nodeGroup\":\"cp\"},{\"nodeType\":\"mysql8\",\"flexibleCloudlets\":16}]"));
        assertThat(created.result()).as(created.body().toString()).isZero();
        for (var answer : List.of(created.body().get("response"), api.get(ENV + "getenvinfo", params("session",
                session, "envName", env)).body())) {
            assertThat(answer.get("env").get("sslstate").asBoolean()).isTrue();
            assertThat(answer.get("env").get("ishaenabled").asBoolean()).isTrue();
            assertThat(answer.get("env").get("displayName").asString()).isEqualTo("Shop");
            assertThat(answer.get("env").get("hardwareNodeGroup").asString()).isEqualTo("eu-west");
            assertThat(answer.get("nodes")).hasSize(3);
            assertThat(answer.get("nodes").get(1).get("nodeType").asString()).isEqualTo("tomcat9");
            assertThat(answer.get("nodeGroups")).extracting(g -> g.get("name").asString())
                    .containsExactly("cp", "mysql8");
        }
        assertThat(api.get(ENV + "setenvdisplayname", params("session", session, "envName", env,
                "displayName", "Shop (live)")).result()).isZero();
        assertThat(api.get(ENV + "getenvs", params("session", session)).body().get("infos").get(0).get("env")
                .get("displayName").asString()).isEqualTo("Shop (live)");
        expectInvalid(api.post(ENV + "createenvironment", params("session", session, "envName", "f-bad-nodes",
                "nodes", "[{\"nodeType\":\"tomcat9\",\"count\":99}]")), "nodes");
        expectInvalid(api.post(ENV + "createenvironment", params("session", session, "env",
                "{\"shortdomain\":\"f-bad-ssl\",\"sslstate\":\"maybe\"}")), "env");
    }

    @Test
    void token_policies_go_by_their_names_and_a_client_sending_none_sees_the_seeds_token() {
        var plain = createToken().body().get("token");
        assertThat(plain.get("envNames")).isEmpty();
        assertThat(plain.get("allowedIps")).isEmpty();
        assertThat(plain.get("rateLimit").isNull()).isTrue();
        assertThat(plain.get("idleDays").isNull()).isTrue();
        assertThat(plain.get("expiringSoon").asBoolean()).isFalse();
        assertThat(plain.get("previousValue").isNull()).isTrue();

        var limited = createToken("envNames", "staging;shop-*", "allowedIps", "127.0.0.1,10.0.0.0/8",
                "rateLimit", "100", "idleDays", "30").body().get("token");
        assertThat(limited.get("envNames")).extracting(JsonNode::asString).containsExactly("staging", "shop-*");
        assertThat(limited.get("allowedIps")).extracting(JsonNode::asString).containsExactly("127.0.0.1", "10.0.0.0/8");
        assertThat(limited.get("rateLimit").asInt()).isEqualTo(100);
        assertThat(limited.get("idleDays").asInt()).isEqualTo(30);
        expectInvalid(createToken("rateLimit", "many"), "rateLimit");
        expectInvalid(createToken("envNames", "*shop"), "envNames");
        expectInvalid(createToken("allowedIps", "10.0.0.0/40"), "allowedIps");
        expectInvalid(createToken("idleDays", "99999"), "idleDays");
        ApiClient.Answer beforePassword = createToken("rateLimit", "many", "password", "wrong password");
        assertThat(beforePassword.result()).as("checked before the password").isEqualTo(4);
    }

    @Test
    void a_token_limited_to_an_environment_finds_no_other() {
        String staging = "g" + ACCOUNTS.get() + "-staging";
        String production = "g" + ACCOUNTS.get() + "-production";
        createEnvironment(staging);
        createEnvironment(production);
        String token = tokenValue(createToken("envNames", staging));
        assertThat(api.get(ENV + "stopenv", params("session", token, "envName", staging)).result()).isZero();
        ApiClient.Answer outside = api.get(ENV + "stopenv", params("session", token, "envName", production));
        assertThat(outside.result()).isEqualTo(11);
        assertThat(api.get(ENV + "getenvs", params("session", token)).body().get("infos"))
                .extracting(info -> info.get("env").get("envName").asString()).containsExactly(staging);
        assertThat(status(production)).as("untouched").isEqualTo(1);
    }

    @Test
    void a_token_from_an_address_it_does_not_allow_is_refused_naming_the_rule_only() {
        String token = tokenValue(createToken("allowedIps", "10.0.0.0/8"));
        ApiClient.Answer refused = api.get(ENV + "getenvs", params("session", token));
        assertThat(refused.result()).isEqualTo(8);
        assertThat(refused.error()).contains("allowedIps").doesNotContain("10.0.0.0");
        assertThat(api.get(ENV + "getenvs", params("session", tokenValue(createToken("allowedIps",
                "127.0.0.1")))).result()).isZero();
    }

    @Test
    void a_token_over_its_rate_limit_is_told_to_retry_later() {
        String token = tokenValue(createToken("rateLimit", "2"));
        assertThat(api.get(ENV + "getenvs", params("session", token)).result()).isZero();
        assertThat(api.get(ENV + "getenvs", params("session", token)).result()).isZero();
        ApiClient.Answer third = api.get(ENV + "getenvs", params("session", token));
        assertThat(third.result()).isEqualTo(707);
        assertThat(third.header("Retry-After")).isPresent();
    }

    @Test
    void every_answer_to_a_token_says_when_it_expires() {
        String token = tokenValue(createToken());
        assertThat(api.get(ENV + "getenvs", params("session", token)).header("X-Token-Expires"))
                .contains("2026-12-31 23:59:59 UTC");
        assertThat(api.get(ENV + "getenvinfo", params("session", token, "envName", "nowhere"))
                .header("X-Token-Expires")).as("a refused call too, once the token is known").isPresent();
        assertThat(api.get(ENV + "getenvs", params("session", session)).header("X-Token-Expires")).isEmpty();
        var soon = createToken("expiresAt", "2026-12-01").body().get("token");
        assertThat(soon.get("expiringSoon").asBoolean()).as("within the 7 days' warning").isTrue();
    }

    @Test
    void a_token_asks_about_itself_and_learns_nothing_else() {
        ApiClient.Answer created = createToken("envNames", "staging", "rateLimit", "60");
        createToken();
        ApiClient.Answer info = api.get(AUTH + "gettokeninfo", params("session", tokenValue(created)));
        assertThat(info.result()).as(info.body().toString()).isZero();
        assertThat(info.body().get("token").get("id").asLong()).isEqualTo(tokenId(created));
        assertThat(info.body().get("token").get("envNames").get(0).asString()).isEqualTo("staging");
        assertThat(info.body().get("token").has("key")).isFalse();
        assertThat(info.text("login")).isEqualTo(login);
        assertThat(info.body().toString()).doesNotContain("apiTokens");
        expectInvalid(api.get(AUTH + "gettokeninfo", params("session", session)), "session");
        assertThat(api.get(AUTH + "gettokens", params("session", tokenValue(created))).result())
                .as("a token still cannot manage tokens").isEqualTo(8);
    }

    @Test
    void a_regenerated_value_can_overlap_with_the_new_one_and_the_overlap_can_end_early() {
        ApiClient.Answer created = createToken();
        String old = tokenValue(created);
        ApiClient.Answer renewed = api.post(AUTH + "regeneratetoken", params("session", session, "password",
                PASSWORD, "id", Long.toString(tokenId(created)), "gracePeriod", "60"));
        assertThat(renewed.result()).as(renewed.body().toString()).isZero();
        assertThat(api.get(ENV + "getenvs", params("session", old)).result()).as("in the overlap").isZero();
        var listed = api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens").get(0);
        assertThat(listed.get("previousValue").get("hint").asString())
                .isEqualTo(created.body().get("token").get("hint").asString());
        assertThat(listed.get("previousValue").get("worksUntil").asString()).isEqualTo("2026-11-27 11:00:00");
        ApiClient.Answer ended = api.post(AUTH + "endtokengraceperiod", params("session", session, "password",
                PASSWORD, "id", Long.toString(tokenId(created))));
        assertThat(ended.result()).as(ended.body().toString()).isZero();
        assertThat(api.get(ENV + "getenvs", params("session", old)).result()).isEqualTo(702);
        assertThat(api.get(ENV + "getenvs", params("session", renewed.body().get("token").get("key").asString()))
                .result()).isZero();
        expectInvalid(api.post(AUTH + "regeneratetoken", params("session", session, "password", PASSWORD,
                "id", Long.toString(tokenId(created)), "gracePeriod", "1441")), "gracePeriod");
    }

    @Test
    void a_refused_method_names_the_sets_that_would_allow_it() {
        createEnvironment("h" + ACCOUNTS.get() + "-env");
        String token = tokenValue(createToken());
        ApiClient.Answer refused = api.get(ENV + "deleteenv", params("session", token, "envName",
                "h" + ACCOUNTS.get() + "-env", "password", PASSWORD));
        assertThat(refused.result()).isEqualTo(8);
        assertThat(refused.error()).contains("environment.Control.DeleteEnv").contains("Extended Access");
    }

    @Test
    void get_token_events_answers_the_accounts_own_trail_filtered_and_newest_first() {
        ApiClient.Answer created = createToken();
        String token = tokenValue(created);
        for (int i = 0; i < 3; i++) {
            api.get(ENV + "getenvs", params("session", token));
        }
        database.flushAudit();
        ApiClient.Answer all = api.get(AUTH + "gettokenevents", params("session", session));
        assertThat(all.result()).as(all.body().toString()).isZero();
        assertThat(all.body().get("events")).extracting(e -> e.get("what").asString())
                .contains("token-use", "token-generated", "signin");
        var use = api.get(AUTH + "gettokenevents", params("session", session, "kind", "token-use",
                "ids", Long.toString(tokenId(created)))).body().get("events");
        assertThat(use).singleElement().satisfies(e -> {
            assertThat(e.get("count").asLong()).isEqualTo(3);
            assertThat(e.get("method").asString()).isEqualTo("environment.Control.GetEnvs");
            assertThat(e.get("address").asString()).isEqualTo("127.0.0.1");
            assertThat(e.get("actor").asString()).isEqualTo("token:" + tokenId(created));
        });
        assertThat(api.get(AUTH + "gettokenevents", params("session", session, "limit", "1")).body()
                .get("events")).hasSize(1);
        expectInvalid(api.get(AUTH + "gettokenevents", params("session", session, "kind", "lunch")), "kind");
        expectInvalid(api.get(AUTH + "gettokenevents", params("session", session, "from", "yesterday")), "from");
        assertThat(api.get(AUTH + "gettokenevents", params("session", token)).result())
                .as("a token cannot read the trail").isEqualTo(8);
        var listed = api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens").get(0);
        assertThat(listed.get("lastUsedIps").get(0).asString()).isEqualTo("127.0.0.1");
        assertThat(listed.get("usedMethods").get(0).get("calls").asLong()).isEqualTo(3);
    }

    @Test
    void another_accounts_events_never_appear() {
        String others = "other" + ACCOUNTS.incrementAndGet() + "@example.com";
        admin.createAccount(new Login(others), new DisplayName("Other"), Password.chosen(PASSWORD));
        String theirSession = api.post(AUTH + "signin", params("login", others, "password", PASSWORD))
                .text("session");
        ApiClient.Answer mine = createToken();
        var theirs = api.get(AUTH + "gettokenevents", params("session", theirSession, "ids",
                Long.toString(tokenId(mine)))).body().get("events");
        assertThat(theirs).isEmpty();
        assertThat(api.get(AUTH + "gettokenevents", params("session", theirSession)).body().toString())
                .doesNotContain(login).doesNotContain("\"tokenId\":" + tokenId(mine) + ",");
    }

    @Test
    void a_leaked_value_is_revoked_by_its_value_and_the_answer_is_the_same_for_anything() {
        ApiClient.Answer created = createToken();
        String token = tokenValue(created);
        ApiClient.Answer live = api.post(AUTH + "revokeleakedtokens", params("keys", token));
        ApiClient.Answer unknown = api.post(AUTH + "revokeleakedtokens",
                params("keys", "pat_0123456789abcdefghijABCDEFGHIJ0123456789zzzzzz"));
        ApiClient.Answer malformed = api.post(AUTH + "revokeleakedtokens", params("keys", "not a token at all"));
        assertThat(List.of(live, unknown, malformed)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().toString()).isEqualTo("{\"result\":0}");
        });
        ApiClient.Answer refused = api.get(ENV + "getenvs", params("session", token));
        assertThat(refused.result()).isEqualTo(702);
        assertThat(refused.error()).contains("leaked");
        var listed = api.get(AUTH + "gettokens", params("session", session)).body().get("apiTokens").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("revoked-for-leak");
        assertThat(api.get(AUTH + "gettokenevents", params("session", session, "kind", "token-revoked-for-leak"))
                .body().get("events")).hasSize(1);
    }

    @Test
    void the_access_log_names_the_caller_by_ids_never_by_value(CapturedOutput output) throws InterruptedException {
        ApiClient.Answer created = createToken();
        String token = tokenValue(created);
        api.get(ENV + "getenvs", params("session", token, "marker", "m" + tokenId(created)));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!output.getAll().contains("marker=m" + tokenId(created)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String line = output.getAll().lines().filter(l -> l.contains("marker=m" + tokenId(created))).findFirst()
                .orElseThrow();
        assertThat(line).contains(" token=" + tokenId(created)).containsPattern(" account=\\d+")
                .doesNotContain(token);
    }

    private void expectInvalid(ApiClient.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.result()).as(answer.body().toString()).isEqualTo(4);
        assertThat(answer.error()).as(answer.body().toString()).startsWith(parameter + ":");
        assertThat(answer.error().length()).isLessThan(300);
    }

}
