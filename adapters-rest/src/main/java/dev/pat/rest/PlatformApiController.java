package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.out.Clock;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform API: {@code /1.0/{service}/{group}/rest/{method}}, GET or POST, routed case-insensitively with or
 * without {@code /1.0}. Each method parses its parameters, calls one use case and renders the answer.
 */
@RestController
class PlatformApiController {
    static final String METHOD_ATTRIBUTE = PlatformApiController.class.getName() + ".method";
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    private final AuthorizeCall authorize;
    private final SignIn signIn;
    private final ManageTokens tokens;
    private final ManageEnvironments environments;
    private final Clock clock;
    private final ObjectMapper json;
    private final String platformDomain;

    PlatformApiController(AuthorizeCall authorize, SignIn signIn, ManageTokens tokens,
                          ManageEnvironments environments, Clock clock, ObjectMapper json,
                          @Value("${pat.platform-domain:pat.local}") String platformDomain) {
        this.authorize = authorize;
        this.signIn = signIn;
        this.tokens = tokens;
        this.environments = environments;
        this.clock = clock;
        this.json = json;
        this.platformDomain = platformDomain;
    }

    @RequestMapping(path = {"/1.0/{service}/{group}/{rest}/{method}", "/{service}/{group}/{rest}/{method}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> call(@PathVariable String service, @PathVariable String group, @PathVariable String rest,
                             @PathVariable String method, HttpServletRequest request) {
        if (!rest.equalsIgnoreCase("rest")) {
            throw new UnknownMethod(request.getRequestURI());
        }
        ApiMethod called = CATALOG.find(service, group, method).map(i -> i.method())
                .orElseThrow(() -> new UnknownMethod(request.getRequestURI()));
        request.setAttribute(METHOD_ATTRIBUTE, called);
        Params params = params(request);
        Credential credential = credential(params, request);
        boolean post = request.getMethod().equals("POST");
        return switch (called.method().toLowerCase(Locale.ROOT)) {
            case "signin" -> signin(params, post);
            case "verify2facode" -> {
                signIn.verifyTwoFactor(credential, params.required("code"));
                yield Answers.ok();
            }
            case "signout" -> {
                signIn.signOut(credential);
                yield Answers.ok();
            }
            case "checksign" -> {
                authorize.authorize(credential, called);
                yield Answers.ok();
            }
            case "gettokens" -> getTokens(caller(credential, called), params);
            case "createtoken" -> createToken(caller(credential, called), params);
            case "edittoken" -> editToken(caller(credential, called), params);
            case "regeneratetoken" -> regenerateToken(caller(credential, called), params);
            case "copytoken" -> copyToken(caller(credential, called), params);
            case "deletetokens" -> deleteTokens(caller(credential, called), params);
            case "gettokenapilist" -> {
                caller(credential, called);
                yield Answers.ok("tokenPermissions", CATALOG.grantable(params.optional("search").orElse(""))
                        .stream().map(Answers::permission).toList());
            }
            case "gettokentemplates" -> {
                caller(credential, called);
                yield Answers.ok("templates", CATALOG.apiSets().stream().map(Answers::template).toList());
            }
            case "createenvironment" -> createEnvironment(caller(credential, called), params);
            case "getenvs" -> Answers.ok("infos", environments.list(caller(credential, called)).stream()
                    .map(e -> Answers.envInfo(e, platformDomain)).toList());
            case "getenvinfo" -> {
                Map<String, Object> answer = Answers.ok();
                answer.putAll(Answers.envInfo(environments.info(caller(credential, called), envName(params)),
                        platformDomain));
                yield answer;
            }
            case "startenv" -> envChange(environments::start, credential, called, params);
            case "stopenv" -> envChange(environments::stop, credential, called, params);
            case "sleepenv" -> envChange(environments::sleep, credential, called, params);
            case "deleteenv" -> {
                Caller caller = caller(credential, called);
                environments.delete(caller, envName(params), Password.given(params.required("password")));
                yield Answers.ok();
            }
            default -> throw new UnknownMethod(request.getRequestURI());
        };
    }

    private Map<String, Object> signin(Params params, boolean post) {
        if (!post) {
            throw new InvalidInput("password", "Signin takes POST only, so the password stays out of URLs and logs");
        }
        SignIn.SignedIn signedIn = signIn.signIn(new Login(params.required("login")),
                Password.given(params.required("password")));
        Map<String, Object> answer = Answers.ok();
        answer.put("session", signedIn.key().reveal());
        answer.put("uid", signedIn.account().id().value());
        answer.put("email", signedIn.account().login().value());
        answer.put("name", signedIn.account().name().value());
        if (signedIn.pending()) {
            answer.put("twoFactorRequired", true);
        }
        return answer;
    }

    private Map<String, Object> getTokens(Caller caller, Params params) {
        Optional<Set<TokenId>> only = params.optional("ids").filter(ids -> !ids.trim().equals("*"))
                .map(ids -> ids(params, "ids"));
        return Answers.ok("apiTokens", tokens.list(caller.account(), only).stream()
                .map(t -> Answers.token(t, clock.now())).toList());
    }

    private Map<String, Object> createToken(Caller caller, Params params) {
        var issued = tokens.generate(new ManageTokens.Generate(caller.account(), password(params),
                new Description(params.optional("description").orElse(null)),
                scope(params).orElseThrow(() -> new InvalidInput("apiList",
                        "give a predefined tokenTemplate or a Custom apiList")),
                Expiry.parse(params.optional(Expiry.FIELD).orElse(null))));
        return Answers.ok("token", Answers.issued(issued, clock.now()));
    }

    private Map<String, Object> editToken(Caller caller, Params params) {
        var edited = tokens.edit(new ManageTokens.Edit(caller.account(), password(params), id(params),
                params.optional("description").map(Description::new), scope(params),
                params.optional(Expiry.FIELD).map(Expiry::parse)));
        return Answers.ok("token", Answers.token(edited, clock.now()));
    }

    private Map<String, Object> regenerateToken(Caller caller, Params params) {
        var issued = tokens.regenerate(new ManageTokens.Regenerate(caller.account(), password(params), id(params),
                params.optional(Expiry.FIELD).map(Expiry::parse)));
        return Answers.ok("token", Answers.issued(issued, clock.now()));
    }

    private Map<String, Object> copyToken(Caller caller, Params params) {
        var issued = tokens.copy(new ManageTokens.Copy(caller.account(), password(params), id(params),
                params.optional("description").map(Description::new),
                params.optional(Expiry.FIELD).map(Expiry::parse)));
        return Answers.ok("token", Answers.issued(issued, clock.now()));
    }

    private Map<String, Object> deleteTokens(Caller caller, Params params) {
        if (!params.has("ids")) {
            throw new InvalidInput("ids", "required: the ids of the tokens to remove");
        }
        tokens.remove(new ManageTokens.Remove(caller.account(), password(params), ids(params, "ids")));
        return Answers.ok();
    }

    private Map<String, Object> createEnvironment(Caller caller, Params params) {
        var created = environments.create(caller, new EnvName(params.optional("env").map(this::shortdomain)
                .orElseGet(() -> params.optional("envName").orElse(null))));
        return Answers.ok("response", Answers.envInfo(created, platformDomain));
    }

    private interface EnvChange {
        dev.pat.domain.model.environment.Environment apply(Caller caller, EnvName name);
    }

    private Map<String, Object> envChange(EnvChange change, Credential credential, ApiMethod called, Params params) {
        change.apply(caller(credential, called), envName(params));
        return Answers.ok();
    }

    private String shortdomain(String env) {
        JsonNode node;
        try {
            node = json.readTree(env);
        } catch (RuntimeException e) {
            throw new InvalidInput("env", "is not a JSON object");
        }
        if (node == null || !node.isObject() || !node.hasNonNull("shortdomain")) {
            throw new InvalidInput("env", "a JSON object with a shortdomain is required");
        }
        return node.get("shortdomain").asString();
    }

    private Caller caller(Credential credential, ApiMethod called) {
        return authorize.authorize(credential, called);
    }

    private static EnvName envName(Params params) {
        return new EnvName(params.optional("envName").orElse(null));
    }

    private static Password password(Params params) {
        return Password.given(params.optional("password").orElse(null));
    }

    /** RegenerateToken's id comes as {@code id} or as {@code ids}; exactly one token is meant. */
    private static TokenId id(Params params) {
        String field = params.has("id") ? "id" : "ids";
        Set<TokenId> ids = params.has(field) ? ids(params, field) : Set.of();
        if (ids.size() != 1) {
            throw new InvalidInput("id", ids.isEmpty() ? "required" : "name exactly one token");
        }
        return ids.iterator().next();
    }

    private static Set<TokenId> ids(Params params, String field) {
        Set<TokenId> ids = new LinkedHashSet<>();
        params.list(field).forEach(text -> ids.add(TokenId.parse(field, text)));
        if (ids.isEmpty()) {
            throw new InvalidInput(field, "name at least one token id");
        }
        return ids;
    }

    private static Optional<ScopeRequest> scope(Params params) {
        Optional<String> template = params.optional("tokenTemplate");
        List<String> apiList = params.list("apiList");
        if (template.isEmpty() && apiList.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScopeRequest(template, apiList));
    }

    /** The session parameter or a Bearer header; when both are given they must agree. */
    private static Credential credential(Params params, HttpServletRequest request) {
        Optional<String> session = params.optional("session");
        Optional<String> bearer = Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION))
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(h -> !h.isEmpty());
        if (session.isPresent() && bearer.isPresent() && !session.get().equals(bearer.get())) {
            throw new InvalidInput("session", "differs from the Authorization header; send one credential");
        }
        return Credential.presented(session.or(() -> bearer).orElse(null));
    }

    private Params params(HttpServletRequest request) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> merged.put(k, Arrays.asList(v)));
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase(Locale.ROOT)
                .startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            try {
                JsonNode body = json.readTree(request.getInputStream());
                if (body != null && body.isObject()) {
                    body.properties().forEach(e -> merged.putIfAbsent(e.getKey(),
                            List.of(e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())));
                }
            } catch (IOException | RuntimeException e) {
                throw new InvalidInput("body", "is not a JSON object");
            }
        }
        return new Params(merged);
    }
}
