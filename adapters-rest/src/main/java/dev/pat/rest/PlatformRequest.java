package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.ListText;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AuthorizeCall;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the platform API as the adapter reads it, once: the method, the parameters of the query string and
 * of the form (or flat JSON) body merged, and the credential presented. Lenient as the public platform's clients
 * need: an empty value means absent, and lists come in any of their usual spellings ({@link ListText}).
 */
final class PlatformRequest {
    private final ApiMethod method;
    private final Map<String, List<String>> values;
    private final Credential credential;
    private final boolean post;

    PlatformRequest(ApiMethod method, Map<String, List<String>> values, Optional<String> bearer, boolean post) {
        this.method = method;
        this.values = present(values);
        this.post = post;
        this.credential = credential(optional("session"), bearer);
    }

    /** Reads the call from the servlet request: query and form parameters, a JSON body, the Bearer header. */
    static PlatformRequest read(ApiMethod method, HttpServletRequest request, JsonMapper json) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> merged.put(k, Arrays.asList(v)));
        boolean post = "POST".equals(request.getMethod());
        String type = request.getContentType();
        if (post && type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
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
        Optional<String> bearer = Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION))
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(h -> !h.isEmpty());
        return new PlatformRequest(method, merged, bearer, post);
    }

    private static Map<String, List<String>> present(Map<String, List<String>> values) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            List<String> given = list.stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!given.isEmpty()) {
                kept.put(key, given);
            }
        });
        return kept;
    }

    /** The session parameter or a Bearer header; when both are given they must agree. */
    private static Credential credential(Optional<String> session, Optional<String> bearer) {
        if (session.isPresent() && bearer.isPresent() && !session.get().equals(bearer.get())) {
            throw new InvalidInput("session", "differs from the Authorization header; send one credential");
        }
        return Credential.presented(session.or(() -> bearer).orElse(null));
    }

    /** Who is calling this method with the credential presented, or the core's refusal. */
    Caller authorizedBy(AuthorizeCall authorize) {
        return authorize.authorize(credential, method);
    }

    ApiMethod method() {
        return method;
    }

    Credential credential() {
        return credential;
    }

    boolean isPost() {
        return post;
    }

    Optional<String> optional(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidInput(name, "required"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every value given for a list parameter, as typed; {@link ListText} splits them. */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The items of a list parameter, in any of its spellings. */
    List<String> list(String name) {
        return ListText.items(name, values(name));
    }
}
