package dev.pat.domain.model.catalog;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;
import dev.pat.domain.model.token.Scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every method of the platform API, with a one-line description and a documentation link, and the predefined
 * API sets of the dashboard. Tokens may be granted only environment methods: the users.Authentication methods
 * manage sessions and tokens themselves, and need a signed-in session and the password.
 */
public final class ApiCatalog {
    public static final String DOCS = "https://docs.dewacloud.com/api/#!/api/";

    public static final ApiMethod SIGNIN = auth("Signin");
    public static final ApiMethod VERIFY_2FA = auth("Verify2FACode");
    public static final ApiMethod SIGNOUT = auth("Signout");
    public static final ApiMethod CHECK_SIGN = auth("CheckSign");
    public static final ApiMethod GET_TOKENS = auth("GetTokens");
    public static final ApiMethod CREATE_TOKEN = auth("CreateToken");
    public static final ApiMethod EDIT_TOKEN = auth("EditToken");
    public static final ApiMethod REGENERATE_TOKEN = auth("RegenerateToken");
    public static final ApiMethod COPY_TOKEN = auth("CopyToken");
    public static final ApiMethod DELETE_TOKENS = auth("DeleteTokens");
    public static final ApiMethod GET_TOKEN_API_LIST = auth("GetTokenApiList");
    public static final ApiMethod GET_TOKEN_TEMPLATES = auth("GetTokenTemplates");
    public static final ApiMethod GET_TOKEN_INFO = auth("GetTokenInfo");
    public static final ApiMethod END_TOKEN_GRACE_PERIOD = auth("EndTokenGracePeriod");
    public static final ApiMethod GET_TOKEN_EVENTS = auth("GetTokenEvents");
    public static final ApiMethod REVOKE_LEAKED_TOKENS = auth("RevokeLeakedTokens");

    public static final ApiMethod CREATE_ENVIRONMENT = env("CreateEnvironment");
    public static final ApiMethod GET_ENVS = env("GetEnvs");
    public static final ApiMethod GET_ENV_INFO = env("GetEnvInfo");
    public static final ApiMethod START_ENV = env("StartEnv");
    public static final ApiMethod STOP_ENV = env("StopEnv");
    public static final ApiMethod SLEEP_ENV = env("SleepEnv");
    public static final ApiMethod DELETE_ENV = env("DeleteEnv");
    public static final ApiMethod SET_ENV_DISPLAY_NAME = env("SetEnvDisplayName");

    public static final ApiSet EXTENDED_ACCESS = new ApiSet("extended-access", "Extended Access", List.of(
            CREATE_ENVIRONMENT, GET_ENVS, GET_ENV_INFO, START_ENV, STOP_ENV, SLEEP_ENV, DELETE_ENV,
            SET_ENV_DISPLAY_NAME));
    public static final ApiSet IDE_PLUGINS = new ApiSet("ide-plugins", "IDE Plugins", List.of(
            GET_ENVS, GET_ENV_INFO, START_ENV, STOP_ENV));
    public static final ApiSet MARKETPLACE = new ApiSet("marketplace", "Marketplace", List.of(
            CREATE_ENVIRONMENT, GET_ENVS, GET_ENV_INFO));
    public static final ApiSet MAVEN_PLUGIN = new ApiSet("maven-plugin", "Maven Plugin", List.of(
            CREATE_ENVIRONMENT, GET_ENVS, GET_ENV_INFO, START_ENV));

    private static final ApiCatalog PLATFORM = new ApiCatalog(List.of(
            info(1, SIGNIN, "Signs in with login and password and opens a session", false),
            info(2, VERIFY_2FA, "Completes a sign-in with the two-factor authentication code", false),
            info(3, SIGNOUT, "Ends a session", false),
            info(4, CHECK_SIGN, "Tells whether a session is still valid", false),
            info(5, GET_TOKENS, "Lists the account's personal access tokens", false),
            info(6, CREATE_TOKEN, "Generates a personal access token", false),
            info(7, EDIT_TOKEN, "Edits a personal access token", false),
            info(8, REGENERATE_TOKEN, "Gives a token a new value; the old value stops working", false),
            info(9, COPY_TOKEN, "Generates a new token with the settings of an existing one", false),
            info(10, DELETE_TOKENS, "Removes personal access tokens", false),
            info(11, GET_TOKEN_API_LIST, "Lists the API methods a token can be given", false),
            info(12, GET_TOKEN_TEMPLATES, "Lists the predefined API sets", false),
            info(13, GET_TOKEN_INFO, "Tells a token about itself: its methods, policies, expiry and account", false),
            info(14, END_TOKEN_GRACE_PERIOD, "Ends a regenerated token's overlap: the old value stops working",
                    false),
            info(15, GET_TOKEN_EVENTS, "Lists the account's audit events: sign-ins, token changes, token use",
                    false),
            info(16, REVOKE_LEAKED_TOKENS, "Revokes leaked token values by the values alone (no session)", false),
            info(101, CREATE_ENVIRONMENT, "Creates an environment", true),
            info(102, GET_ENVS, "Lists the account's environments", true),
            info(103, GET_ENV_INFO, "Shows an environment's information and status", true),
            info(104, START_ENV, "Starts a stopped or sleeping environment", true),
            info(105, STOP_ENV, "Stops an environment", true),
            info(106, SLEEP_ENV, "Puts an environment to sleep", true),
            info(107, DELETE_ENV, "Deletes an environment (needs the password)", true),
            info(108, SET_ENV_DISPLAY_NAME, "Sets the name the dashboard shows for an environment", true)),
            List.of(EXTENDED_ACCESS, IDE_PLUGINS, MARKETPLACE, MAVEN_PLUGIN));

    private final Map<String, ApiMethodInfo> byKey = new LinkedHashMap<>();
    private final Set<ApiMethod> grantable;
    private final List<ApiSet> sets;

    private ApiCatalog(List<ApiMethodInfo> methods, List<ApiSet> sets) {
        methods.forEach(m -> byKey.put(m.method().key(), m));
        this.grantable = Set.copyOf(methods.stream().filter(ApiMethodInfo::grantable).map(ApiMethodInfo::method)
                .toList());
        this.sets = List.copyOf(sets);
    }

    /** The catalog of this platform. */
    public static ApiCatalog platform() {
        return PLATFORM;
    }

    private static ApiMethod auth(String method) {
        return new ApiMethod("users", "Authentication", method);
    }

    private static ApiMethod env(String method) {
        return new ApiMethod("environment", "Control", method);
    }

    private static ApiMethodInfo info(int id, ApiMethod method, String description, boolean grantable) {
        return new ApiMethodInfo(id, method, description,
                DOCS + method.service() + "." + method.group() + "-method-" + method.method(), grantable);
    }

    /**
     * The method of that name, matched case-insensitively, if the platform has it: the canonical name
     * ({@code environment.Control.GetEnvs}), or the short one ({@code GetEnvs}) when only one method bears it.
     */
    public Optional<ApiMethodInfo> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        ApiMethodInfo exact = byKey.get(key);
        if (exact != null || key.contains(".")) {
            return Optional.ofNullable(exact);
        }
        List<ApiMethodInfo> named = byKey.values().stream()
                .filter(m -> m.method().method().toLowerCase(Locale.ROOT).equals(key)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    public Optional<ApiMethodInfo> find(String service, String group, String method) {
        return find(service + "." + group + "." + method);
    }

    public ApiMethodInfo info(ApiMethod method) {
        return find(method.canonical()).orElseThrow(() -> new IllegalArgumentException("not in catalog: " + method));
    }

    /** Every method of the platform, in catalog order. */
    public List<ApiMethodInfo> methods() {
        return List.copyOf(byKey.values());
    }

    /** On every token-authenticated call: a set lookup, no text built. */
    public boolean isGrantable(ApiMethod method) {
        return grantable.contains(method);
    }

    /** The methods a token can be given, whose name or description contains the search text. */
    public List<ApiMethodInfo> grantable(String search) {
        String wanted = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return byKey.values().stream()
                .filter(ApiMethodInfo::grantable)
                .filter(m -> m.method().key().contains(wanted)
                        || m.description().toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
    }

    public List<ApiSet> apiSets() {
        return sets;
    }

    /** The predefined sets that include the method, by name; empty when only a Custom list can. */
    public List<String> setsContaining(ApiMethod method) {
        return sets.stream().filter(s -> s.methods().contains(method)).map(ApiSet::name).toList();
    }

    public Optional<ApiSet> apiSet(String idOrName) {
        return sets.stream().filter(s -> s.isNamedBy(idOrName)).findFirst();
    }

    /**
     * The scope a caller asked for: a predefined set by name, or Custom with the listed methods.
     * Unknown names are refused with the closest known name suggested.
     */
    public Scope scope(Optional<String> apiSet, Collection<String> apiList) {
        boolean custom = apiSet.isEmpty() || ApiSet.normalize(apiSet.get()).equals("custom");
        if (!custom) {
            ApiSet set = apiSet(apiSet.get()).orElseThrow(() -> new InvalidInput("tokenTemplate",
                    "unknown API set '" + Texts.clip(apiSet.get()) + "'; known: " + setNames()));
            if (!apiList.isEmpty()) {
                throw new InvalidInput("apiList", "give either a predefined API set or a Custom apiList, not both");
            }
            return Scope.of(set);
        }
        if (apiList.isEmpty()) {
            throw new InvalidInput("apiList", "a Custom token needs at least one API method");
        }
        if (apiList.size() > byKey.size()) {
            throw new InvalidInput("apiList", "names " + apiList.size() + " methods; the platform has " + byKey.size());
        }
        Set<ApiMethod> methods = new LinkedHashSet<>();
        for (String name : apiList) {
            ApiMethodInfo info = find(name).orElseThrow(() -> new InvalidInput("apiList",
                    "unknown API method '" + Texts.clip(name) + "'" + suggestion(name)));
            if (!info.grantable()) {
                throw new InvalidInput("apiList", info.method().canonical()
                        + " cannot be given to a token: managing sessions and tokens needs a signed-in session");
            }
            methods.add(info.method());
        }
        return Scope.custom(methods);
    }

    private String setNames() {
        List<String> names = new ArrayList<>();
        sets.forEach(s -> names.add(s.name()));
        names.add(ApiSet.CUSTOM);
        return String.join(", ", names);
    }

    /** A "did you mean" for a mistyped method name, if one is close enough. */
    public String suggestion(String name) {
        String typed = name.trim().toLowerCase(Locale.ROOT);
        if (typed.length() > 80) {
            return "";
        }
        return byKey.values().stream()
                .filter(ApiMethodInfo::grantable)
                .min(Comparator.comparingInt(m -> Texts.distance(typed, m.method().key())))
                .filter(m -> Texts.distance(typed, m.method().key()) <= Math.max(3, typed.length() / 3))
                .map(m -> " (did you mean " + m.method().canonical() + "?)")
                .orElse("");
    }

}
