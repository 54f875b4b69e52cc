package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one call, read by the adapter itself (never by the container): the query string, then a form
 * body ({@code application/x-www-form-urlencoded}, UTF-8) or a flat JSON object, merged; a name given in both is
 * given twice. At most {@code max} parameters; a malformed encoding is refused naming what could not be read.
 */
final class RequestParameters {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final int max;
    private int count;

    RequestParameters(int max) {
        this.max = max;
    }

    Map<String, List<String>> values() {
        return values;
    }

    /** Adds the pairs of a query string or a form body. */
    RequestParameters form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return this;
        }
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                String pair = encoded.substring(start, end);
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), "parameters");
                add(name, equals < 0 ? "" : decode(pair.substring(equals + 1), name));
            }
            start = end + 1;
        }
        return this;
    }

    /** Adds the members of a JSON object: text as it is, anything else as its JSON. */
    RequestParameters json(byte[] body, JsonMapper json) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInput("body", "is not a JSON object");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return this;
        }
        if (!node.isObject()) {
            throw new InvalidInput("body", "is not a JSON object");
        }
        node.properties().forEach(e -> add(e.getKey(), e.getValue().isString() ? e.getValue().asString()
                : e.getValue().isNull() ? "" : e.getValue().toString()));
        return this;
    }

    /** Adds a body by its content type: a form unless it says JSON; other kinds are refused. */
    RequestParameters body(String contentType, byte[] body, JsonMapper json) {
        if (body.length == 0) {
            return this;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") || type.contains("+json")) {
            return json(body, json);
        }
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("text/plain")) {
            return form(new String(body, StandardCharsets.UTF_8));
        }
        throw new InvalidInput("body", "send parameters as a form (application/x-www-form-urlencoded) or as JSON");
    }

    private void add(String name, String value) {
        if (++count > max) {
            throw new InvalidInput("parameters", "more than " + max + " given");
        }
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    private static String decode(String text, String what) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(what.matches("[A-Za-z0-9_.-]{1,40}") ? what : "parameters",
                    "has a malformed %-encoding");
        }
    }
}
