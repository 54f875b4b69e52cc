package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.environment.NodeGroup;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                        optional("env", "JSON: shortdomain (the name), and optionally displayName, sslstate,"
                                + " ishaenabled, region; e.g. {\"shortdomain\":\"my-project\",\"sslstate\":true}"),
                        optional("envName", "the name, when env is not given"),
                        optional("nodes", "JSON array of node groups: nodeType, count, fixedCloudlets,"
                                + " flexibleCloudlets, nodeGroup, displayName (kept, not provisioned)")),
                        this::create),
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
                new Endpoint(ApiCatalog.SET_ENV_DISPLAY_NAME, List.of(SESSION, ENV_NAME,
                        optional("displayName", "the name the dashboard shows; empty to show the name itself")),
                        call -> {
                            Caller caller = call.authorizedBy(authorize);
                            environments.setDisplayName(caller, envName(call), call.optional("displayName"));
                            return Answers.ok();
                        }),
                new Endpoint(ApiCatalog.DELETE_ENV, List.of(SESSION, ENV_NAME, PASSWORD), call -> {
                    Caller caller = call.authorizedBy(authorize);
                    environments.delete(caller, envName(call), Password.given(call.required("password")));
                    return Answers.ok();
                }));
    }

    private Map<String, Object> create(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        Optional<JsonNode> env = call.optional("env").map(text -> object(text, "env"));
        EnvName name = new EnvName(env.map(node -> text(node, "shortdomain", "env").orElseThrow(() ->
                new InvalidInput("env", "a JSON object with a shortdomain (text) is required")))
                .orElseGet(() -> call.optional("envName").orElse(null)));
        EnvSettings settings = new EnvSettings(env.flatMap(node -> text(node, "displayName", "env")),
                env.map(node -> flag(node, "sslstate")).orElse(false),
                env.map(node -> flag(node, "ishaenabled")).orElse(false),
                env.flatMap(node -> text(node, "region", "env")),
                call.optional("nodes").map(this::nodeGroups).orElse(List.of()));
        Environment created = environments.create(caller, name, settings);
        return Answers.ok("response", Answers.envInfo(created, platformDomain));
    }

    private List<NodeGroup> nodeGroups(String text) {
        JsonNode nodes;
        try {
            nodes = json.readTree(text);
        } catch (RuntimeException e) {
            throw new InvalidInput("nodes", "is not a JSON array");
        }
        if (nodes == null || !nodes.isArray()) {
            throw new InvalidInput("nodes", "is not a JSON array of node groups");
        }
        if (nodes.size() > 16) {
            throw new InvalidInput("nodes", "at most 16 node groups (got " + nodes.size() + ")");
        }
        List<NodeGroup> groups = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                throw new InvalidInput("nodes", "each node group is a JSON object");
            }
            groups.add(new NodeGroup(text(node, "nodeGroup", "nodes").orElse(""),
                    text(node, "nodeType", "nodes").orElse(null), number(node, "count", 1),
                    number(node, "fixedCloudlets", 1), number(node, "flexibleCloudlets", 8),
                    text(node, "displayName", "nodes")));
        }
        return groups;
    }

    private JsonNode object(String text, String field) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "is not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInput(field, "is not a JSON object");
        }
        return node;
    }

    private static Optional<String> text(JsonNode node, String key, String field) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new InvalidInput(field, key + " must be text");
        }
        return Optional.of(value.asString()).filter(t -> !t.isBlank());
    }

    private static boolean flag(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString() && value.asString().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.isString() && value.asString().equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidInput("env", key + " must be true or false");
    }

    private static int number(JsonNode node, String key, int otherwise) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInput("nodes", key + " must be a whole number");
        }
        return value.asInt();
    }

    private Endpoint.Handler change(BiFunction<Caller, EnvName, Environment> change) {
        return call -> {
            change.apply(call.authorizedBy(authorize), envName(call));
            return Answers.ok();
        };
    }

    private static EnvName envName(PlatformRequest call) {
        return new EnvName(call.optional("envName").orElse(null));
    }
}
