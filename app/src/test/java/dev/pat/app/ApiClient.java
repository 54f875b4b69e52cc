package dev.pat.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A plain HTTP client of the platform API, as a script written for the public platform would be. */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: the HTTP status, the JSON body and the headers. */
    public record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public int result() {
            return body.get("result").asInt();
        }

        public String error() {
            return body.path("error").asString("");
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A date that many days from today, as the dashboard writes it: for tests that run on the real clock. */
    public static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    public static Map<String, String> params(String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    public Answer get(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + form(params))).GET());
    }

    /** A call as it reaches PAT through a trusted proxy that saw it come from {@code from}. */
    public Answer getFrom(String from, String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + form(params)))
                .header("X-Forwarded-For", from).GET());
    }

    public Answer post(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
