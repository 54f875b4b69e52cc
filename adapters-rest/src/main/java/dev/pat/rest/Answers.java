package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.IssuedToken;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the public platform's answers. */
final class Answers {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    private Answers() {
    }

    static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", 0);
        return answer;
    }

    static Map<String, Object> ok(String key, Object value) {
        Map<String, Object> answer = ok();
        answer.put(key, value);
        return answer;
    }

    static Map<String, Object> failure(int result, String error, String source) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result);
        answer.put("error", error);
        answer.put("source", source);
        return answer;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The token object; its value ({@code key}) only where the caller was just issued one. */
    static Map<String, Object> token(AccessToken token, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", token.id().value());
        json.put("description", token.description().value());
        json.put("tokenTemplate", token.scope().apiSetId().flatMap(CATALOG::apiSet)
                .map(Answers::templateRef).orElse(Map.of("id", "custom", "name", ApiSet.CUSTOM)));
        json.put("apiListItems", methods(token.scope().methods()));
        json.put("expiresAt", token.expiry().format());
        json.put("createdOn", time(token.createdOn()));
        json.put("lastUsed", token.lastUsed().map(Answers::time).orElse(null));
        json.put("status", token.status(now) == AccessToken.Status.ACTIVE ? "active" : "expired");
        json.put("hint", token.hint().value());
        return json;
    }

    static Map<String, Object> issued(IssuedToken issued, Instant now) {
        Map<String, Object> json = token(issued.token(), now);
        json.put("key", issued.value().reveal());
        return json;
    }

    private static Map<String, Object> templateRef(ApiSet set) {
        return Map.of("id", set.id(), "name", set.name());
    }

    static Map<String, Object> template(ApiSet set) {
        Map<String, Object> json = new LinkedHashMap<>(templateRef(set));
        json.put("apiListItems", methods(set.methods()));
        return json;
    }

    static List<Map<String, Object>> methods(Iterable<ApiMethod> methods) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (ApiMethod method : methods) {
            items.add(Map.of("id", CATALOG.info(method).id(), "method", method.canonical()));
        }
        return items;
    }

    static Map<String, Object> permission(ApiMethodInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", info.id());
        json.put("method", info.method().canonical());
        json.put("description", info.description());
        json.put("docUrl", info.docUrl());
        return json;
    }

    /** The env object, with every key the public platform's clients read. */
    static Map<String, Object> env(Environment env, String platformDomain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("envName", env.name().value());
        json.put("shortdomain", env.name().value());
        json.put("domain", env.name().value() + "." + platformDomain);
        json.put("appid", env.appId());
        json.put("status", env.status().code());
        json.put("uid", env.owner().value());
        json.put("createdOn", time(env.createdOn()));
        json.put("lastModified", time(env.changedOn()));
        json.put("hardwareNodeGroup", "default");
        json.put("sslstate", true);
        json.put("ishaenabled", false);
        json.put("extdomains", List.of());
        return json;
    }

    static Map<String, Object> envInfo(Environment env, String platformDomain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("env", env(env, platformDomain));
        json.put("nodes", List.of());
        json.put("nodeGroups", List.of());
        json.put("envGroups", List.of());
        return json;
    }
}
