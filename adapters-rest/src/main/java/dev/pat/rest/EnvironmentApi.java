package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.pat.rest.AuthenticationApi.PASSWORD;
import static dev.pat.rest.AuthenticationApi.SESSION;
import static dev.pat.rest.Endpoint.Param.optional;
import static dev.pat.rest.Endpoint.Param.required;

/** {@code environment.Control}: the methods tokens open, on the account's environments. */
@Component
class EnvironmentApi implements Endpoint.Group {
    private static final Endpoint.Param ENV_NAME = required("envName", "the environment's name");

    private final AuthorizeCall authorize;
    private final ManageEnvironments environments;
    private final JsonMapper json;
    private final String platformDomain;

    EnvironmentApi(AuthorizeCall authorize, ManageEnvironments environments, JsonMapper json, ApiSettings settings) {
        this.authorize = authorize;
        this.environments = environments;
        this.json = json;
        this.platformDomain = settings.platformDomain();
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(ApiCatalog.CREATE_ENVIRONMENT, List.of(SESSION,
                        optional("env", "JSON with shortdomain, e.g. {\"shortdomain\":\"my-project\"}"),
                        optional("envName", "the name, when env is not given")), this::create),
                new Endpoint(ApiCatalog.GET_ENVS, List.of(SESSION), call -> Answers.ok("infos",
                        environments.list(call.authorizedBy(authorize)).stream()
                                .map(e -> Answers.envInfo(e, platformDomain)).toList())),
                new Endpoint(ApiCatalog.GET_ENV_INFO, List.of(SESSION, ENV_NAME), call -> {
                    Map<String, Object> answer = Answers.ok();
                    answer.putAll(Answers.envInfo(environments.info(call.authorizedBy(authorize), envName(call)),
                            platformDomain));
                    return answer;
                }),
                new Endpoint(ApiCatalog.START_ENV, List.of(SESSION, ENV_NAME), change(environments::start)),
                new Endpoint(ApiCatalog.STOP_ENV, List.of(SESSION, ENV_NAME), change(environments::stop)),
                new Endpoint(ApiCatalog.SLEEP_ENV, List.of(SESSION, ENV_NAME), change(environments::sleep)),
                new Endpoint(ApiCatalog.DELETE_ENV, List.of(SESSION, ENV_NAME, PASSWORD), call -> {
                    Caller caller = call.authorizedBy(authorize);
                    environments.delete(caller, envName(call), Password.given(call.required("password")));
                    return Answers.ok();
                }));
    }

    private Map<String, Object> create(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        Environment created = environments.create(caller, new EnvName(call.optional("env").map(this::shortdomain)
                .orElseGet(() -> call.optional("envName").orElse(null))));
        return Answers.ok("response", Answers.envInfo(created, platformDomain));
    }

    private Endpoint.Handler change(BiFunction<Caller, EnvName, Environment> change) {
        return call -> {
            change.apply(call.authorizedBy(authorize), envName(call));
            return Answers.ok();
        };
    }

    private String shortdomain(String env) {
        JsonNode node;
        try {
            node = json.readTree(env);
        } catch (RuntimeException e) {
            throw new InvalidInput("env", "is not a JSON object");
        }
        if (node == null || !node.isObject() || !node.hasNonNull("shortdomain")
                || !node.get("shortdomain").isString()) {
            throw new InvalidInput("env", "a JSON object with a shortdomain (text) is required");
        }
        return node.get("shortdomain").asString();
    }

    private static EnvName envName(PlatformRequest call) {
        return new EnvName(call.optional("envName").orElse(null));
    }
}
