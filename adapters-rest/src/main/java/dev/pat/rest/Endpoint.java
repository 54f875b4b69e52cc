package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiMethod;

import java.util.List;

/**
 * One method of the platform API as this adapter serves it: its parameters, as the OpenAPI description documents
 * them, and the handler that reads them, calls one use case and shapes the answer.
 */
record Endpoint(ApiMethod method, List<Param> params, Handler handler) {

    /** Turns one call into its answer (the JSON body of a result 0), or throws the core's failure. */
    @FunctionalInterface
    interface Handler {
        Object answer(PlatformRequest call);
    }

    /** A documented parameter. */
    record Param(String name, boolean required, String description) {
        static Param required(String name, String description) {
            return new Param(name, true, description);
        }

        static Param optional(String name, String description) {
            return new Param(name, false, description);
        }
    }

    Endpoint {
        params = List.copyOf(params);
    }

    /** The endpoints of one service group ({@code users.Authentication}, {@code environment.Control}). */
    interface Group {
        List<Endpoint> endpoints();
    }
}
