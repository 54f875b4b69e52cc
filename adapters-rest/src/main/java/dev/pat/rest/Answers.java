package dev.pat.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.environment.NodeGroup;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.TokenView;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the public platform's answers. A token is the core's {@link TokenView}, written as it is;
 * times are {@code yyyy-MM-dd HH:mm:ss} in UTC, as the platform writes them ({@link PlatformJson}).
 */
final class Answers {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Answers() {
    }

    /** A token with the value just issued for it: the one answer that carries {@code key}. */
    record IssuedToken(@JsonUnwrapped TokenView token, String key) {
        @Override
        public String toString() {
            return "IssuedToken[" + token.id() + "]";
        }
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

    static Map<String, Object> issued(ManageTokens.Issued issued) {
        return ok("token", new IssuedToken(issued.token(), issued.value().reveal()));
    }

    static Map<String, Object> failure(int result, String error, String source) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result);
        answer.put("error", error);
        answer.put("source", source);
        return answer;
    }

    /** {@link #TIME} by hand for years 1 to 9999 (yyyy is the year of the era): GetEnvInfo writes two a call. */
    static String time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return TIME.format(instant);
        }
        char[] c = "0000-00-00 00:00:00".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        return new String(c);
    }

    private static void digits(char[] into, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            into[i] = (char) ('0' + value % 10);
        }
    }

    /** An audit event as GetTokenEvents answers it. */
    static Map<String, Object> event(AuditEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", time(event.at()));
        json.put("tokenId", event.token().map(TokenId::value).orElse(null));
        json.put("actor", event.actor().value());
        json.put("address", event.address().value());
        json.put("what", event.kind().code());
        json.put("method", event.method().orElse(null));
        json.put("result", event.result());
        json.put("count", event.calls());
        json.put("detail", event.detail());
        return json;
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
        json.put("displayName", env.settings().displayName().orElse(env.name().value()));
        json.put("hardwareNodeGroup", env.settings().region().orElse("default"));
        json.put("sslstate", env.settings().sslState());
        json.put("ishaenabled", env.settings().haEnabled());
        json.put("extdomains", List.of());
        return json;
    }

    /** The env object with its nodes (each group's count of them) and node groups, as it was created. */
    static Map<String, Object> envInfo(Environment env, String platformDomain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("env", env(env, platformDomain));
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (NodeGroup group : env.settings().nodeGroups()) {
            for (int i = 0; i < group.count(); i++) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("id", nodes.size() + 1);
                node.put("nodeGroup", group.name());
                node.put("nodeType", group.nodeType());
                node.put("fixedCloudlets", group.fixedCloudlets());
                node.put("flexibleCloudlets", group.flexibleCloudlets());
                node.put("status", env.status().code());
                group.displayName().ifPresent(d -> node.put("displayName", d));
                nodes.add(node);
            }
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", group.name());
            described.put("nodeType", group.nodeType());
            described.put("count", group.count());
            described.put("fixedCloudlets", group.fixedCloudlets());
            described.put("flexibleCloudlets", group.flexibleCloudlets());
            group.displayName().ifPresent(d -> described.put("displayName", d));
            groups.add(described);
        }
        json.put("nodes", nodes);
        json.put("nodeGroups", groups);
        json.put("envGroups", List.of());
        return json;
    }
}
