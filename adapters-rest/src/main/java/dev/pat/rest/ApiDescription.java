package dev.pat.rest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the OpenAPI description of the platform API at {@code /v3/api-docs}, written on the first request for it:
 * a server that is never asked loads none of it (this class's signatures name none of swagger's types, so Spring's
 * look at the controller loads none either).
 */
@RestController
class ApiDescription {

    static final String PATH = "/v3/api-docs";
    private final Endpoints endpoints;
    /** The written document, once asked for; writing it twice in a race is harmless. */
    private volatile byte[] written;

    ApiDescription(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document() {
        byte[] document = written;
        if (document == null) {
            document = OpenApiDocument.write(endpoints);
            written = document;
        }
        return document;
    }
}
