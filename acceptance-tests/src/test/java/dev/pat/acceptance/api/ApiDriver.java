package dev.pat.acceptance.api;

import dev.pat.acceptance.steps.PlatformDriver;
import dev.pat.app.ApiClient;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.pat.app.ApiClient.params;

/** The features through the platform API over HTTP, as a script of the public platform would call it. */
class ApiDriver implements PlatformDriver {
    private static final String AUTH = "/1.0/users/authentication/rest/";
    private final ApiClient api;
    private final AdministerAccounts admin;
    private String session = "";

    ApiDriver(ApiClient api, AdministerAccounts admin) {
        this.api = api;
        this.admin = admin;
    }

    /** The API creates no accounts: that is the operator's, as in the shell. */
    @Override
    public void createAccount(String login, String password) {
        admin.createAccount(new Login(login), new DisplayName(login), Password.chosen(password));
    }

    @Override
    public Outcome signIn(String login, String password, Optional<String> code) {
        ApiClient.Answer signedIn = api.post(AUTH + "signin", params("login", login, "password", password));
        if (signedIn.result() != 0) {
            return outcome(signedIn);
        }
        session = signedIn.text("session");
        if (code.isPresent()) {
            return outcome(api.post(AUTH + "verify2facode", params("session", session, "code", code.get())));
        }
        return outcome(signedIn);
    }

    @Override
    public Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                            Map<String, String> policies, String password, Delivery delivery) {
        if (delivery != Delivery.SHOWN) {
            throw new UnsupportedOperationException("the API answers the value; downloading or copying it is the"
                    + " shell's and the page's (scenarios tagged @ui-only)");
        }
        Map<String, String> params = params("session", session, "password", password, "description", description,
                "expiresAt", expiresAt);
        apiSet.ifPresent(set -> params.put("tokenTemplate", set));
        if (!methods.isEmpty()) {
            params.put("apiList", String.join(",", methods));
        }
        params.putAll(policies);
        return outcome(api.post(AUTH + "createtoken", params));
    }

    @Override
    public Outcome edit(long id, Optional<String> description, Optional<String> expiresAt, Optional<String> apiSet,
                        List<String> methods, String password) {
        Map<String, String> params = params("session", session, "password", password, "id", Long.toString(id));
        description.ifPresent(d -> params.put("description", d));
        expiresAt.ifPresent(e -> params.put("expiresAt", e));
        apiSet.ifPresent(a -> params.put("tokenTemplate", a));
        if (!methods.isEmpty()) {
            params.put("apiList", String.join(",", methods));
        }
        return outcome(api.post(AUTH + "edittoken", params));
    }

    @Override
    public Outcome regenerate(long id, Optional<String> expiresAt, int graceMinutes, String password) {
        Map<String, String> params = params("session", session, "password", password, "id", Long.toString(id));
        expiresAt.ifPresent(e -> params.put("expiresAt", e));
        if (graceMinutes > 0) {
            params.put("gracePeriod", Integer.toString(graceMinutes));
        }
        return outcome(api.post(AUTH + "regeneratetoken", params));
    }

    @Override
    public List<EventView> log(long tokenId) {
        ApiClient.Answer events = api.get(AUTH + "gettokenevents", params("session", session, "ids",
                Long.toString(tokenId)));
        if (events.result() != 0) {
            throw new AssertionError("GetTokenEvents failed: " + events.body());
        }
        return events.body().get("events").valueStream().map(e -> new EventView(e.get("what").asString(),
                e.get("method").isNull() ? "" : e.get("method").asString(), e.get("address").asString(),
                e.get("result").asString(), e.get("count").asLong())).toList();
    }

    /** Through EditToken's normal path: the methods the token was seen to call become its Custom list. */
    @Override
    public Outcome narrow(long id, String password) {
        JsonNode token = tokens(Optional.of(id)).get(0);
        String used = token.get("usedMethods").valueStream().map(m -> m.get("method").asString())
                .collect(Collectors.joining(","));
        return outcome(api.post(AUTH + "edittoken", params("session", session, "password", password,
                "id", Long.toString(id), "apiList", used)));
    }

    @Override
    public Outcome endOverlap(long id, String password) {
        return outcome(api.post(AUTH + "endtokengraceperiod", params("session", session, "password", password,
                "id", Long.toString(id))));
    }

    @Override
    public Outcome copy(long id, String description, String password) {
        return outcome(api.post(AUTH + "copytoken", params("session", session, "password", password,
                "id", Long.toString(id), "description", description)));
    }

    @Override
    public Outcome remove(List<Long> ids, String password) {
        return outcome(api.post(AUTH + "deletetokens", params("session", session, "password", password,
                "ids", ids.stream().map(String::valueOf).collect(Collectors.joining(";")))));
    }

    @Override
    public Outcome removeAll(String password) {
        return outcome(api.post(AUTH + "deletetokens", params("session", session, "password", password, "ids", "*")));
    }

    @Override
    public String field(String seedWord) {
        return switch (seedWord) {
            case "Expires At" -> "expiresAt";
            case "API" -> "apiList";
            default -> throw new IllegalArgumentException("no field " + seedWord);
        };
    }

    @Override
    public List<TokenView> list() {
        List<TokenView> rows = new ArrayList<>();
        for (JsonNode t : tokens(Optional.empty())) {
            rows.add(new TokenView(t.get("id").asLong(), t.get("description").asString(),
                    t.get("tokenTemplate").get("name").asString(), day(t.get("expiresAt").asString()),
                    t.get("status").asString(), t.get("envNames").valueStream().map(JsonNode::asString).toList(),
                    t.get("expiringSoon").asBoolean(), previousHint(t),
                    t.get("lastUsedIps").valueStream().map(JsonNode::asString).toList()));
        }
        return rows;
    }

    static Optional<String> previousHint(JsonNode token) {
        JsonNode previous = token.get("previousValue");
        return previous == null || previous.isNull() ? Optional.empty()
                : Optional.of(previous.get("hint").asString());
    }

    private JsonNode tokens(Optional<Long> only) {
        Map<String, String> params = params("session", session);
        only.ifPresent(id -> params.put("ids", Long.toString(id)));
        ApiClient.Answer listed = api.get(AUTH + "gettokens", params);
        if (listed.result() != 0) {
            throw new AssertionError("GetTokens failed: " + listed.body());
        }
        return listed.body().get("apiTokens");
    }

    private static String day(String expiresAt) {
        return LocalDate.parse(expiresAt.substring(0, 10)).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    @Override
    public String listingText() {
        return api.get(AUTH + "gettokens", params("session", session)).body().toString();
    }

    @Override
    public List<MethodView> methods(String search) {
        List<MethodView> found = new ArrayList<>();
        api.get(AUTH + "gettokenapilist", params("session", session, "search", search)).body()
                .get("tokenPermissions").forEach(m -> found.add(new MethodView(m.get("method").asString(),
                        m.get("docUrl").asString())));
        return found;
    }

    @Override
    public List<String> checkedMethods(long tokenId) {
        List<String> methods = new ArrayList<>();
        tokens(Optional.of(tokenId)).get(0).get("apiListItems").forEach(m -> methods.add(m.get("method").asString()));
        return methods;
    }

    @Override
    public void signOut() {
        if (!session.isEmpty()) {
            api.get(AUTH + "signout", params("session", session));
            session = "";
        }
    }

    private static Outcome outcome(ApiClient.Answer answer) {
        int result = answer.result();
        if (result == 0) {
            JsonNode token = answer.body().path("token");
            return Outcome.ok(token.has("id") ? Optional.of(token.get("id").asLong()) : Optional.empty(),
                    token.has("key") ? Optional.of(token.get("key").asString()) : Optional.empty());
        }
        Failure failure = switch (result) {
            case 701, 703 -> Failure.WRONG_PASSWORD;
            case 4 -> Failure.INVALID;
            case 5, 11 -> Failure.NOT_FOUND;
            case 706 -> Failure.LIMIT;
            case 8 -> Failure.NOT_PERMITTED;
            case 702 -> Failure.NOT_AUTHENTICATED;
            case 704 -> Failure.TWO_FACTOR;
            default -> Failure.OTHER;
        };
        return Outcome.failed(failure, answer.error());
    }
}
