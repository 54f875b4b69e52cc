package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes {@code GET|POST /1.0/{service}/{group}/rest/{method}} (case-insensitive, with or without {@code /1.0}) to
 * the method's endpoint; nothing else. Reading the call is {@link PlatformRequest}'s, answering it the endpoint's.
 */
@RestController
class PlatformApiController {
    static final String METHOD_ATTRIBUTE = PlatformApiController.class.getName() + ".method";
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    private final Endpoints endpoints;
    private final JsonMapper json;

    PlatformApiController(Endpoints endpoints, JsonMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    @RequestMapping(path = {"/1.0/{service}/{group}/{rest}/{method}", "/{service}/{group}/{rest}/{method}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    Object call(@PathVariable String service, @PathVariable String group, @PathVariable String rest,
                @PathVariable String method, HttpServletRequest request) {
        if (!rest.equalsIgnoreCase("rest")) {
            throw new UnknownMethod(request.getRequestURI());
        }
        ApiMethod called = CATALOG.find(service, group, method).map(i -> i.method())
                .orElseThrow(() -> new UnknownMethod(request.getRequestURI()));
        request.setAttribute(METHOD_ATTRIBUTE, called);
        Endpoint endpoint = endpoints.of(called).orElseThrow(() -> new UnknownMethod(request.getRequestURI()));
        return endpoint.handler().answer(PlatformRequest.read(called, request, json));
    }
}
