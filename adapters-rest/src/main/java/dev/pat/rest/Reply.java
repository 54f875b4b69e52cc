package dev.pat.rest;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * An answer of the platform API as it goes on the wire: the HTTP status (200 for every known method, whatever the
 * result), the JSON body, and when to retry for a refusal that says to wait. Never cached: answers may carry a
 * session key or a token value.
 */
record Reply(int status, Object body, Optional<Duration> retryAfter) {

    static Reply ok(Object body) {
        return new Reply(200, body, Optional.empty());
    }

    void writeTo(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        // an answer may carry a session key or a token value: never kept by a cache, never sniffed as a document
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        retryAfter.ifPresent(wait -> response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
        json.writeValue(response.getOutputStream(), body);
    }
}
