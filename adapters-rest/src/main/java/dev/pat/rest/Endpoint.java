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
    /** A documented parameter: required or not, one value or a list (which may be given in several parts). */
    record Param(String name, boolean required, boolean list, String description) {
        static Param required(String name, String description) {
            return new Param(name, true, false, description);
        }

        static Param optional(String name, String description) {
            return new Param(name, false, false, description);
        }

        static Param requiredList(String name, String description) {
            return new Param(name, true, true, description);
        }

        static Param optionalList(String name, String description) {
            return new Param(name, false, true, description);
        }
    }

    Endpoint {
        params = List.copyOf(params);
    }

    /** Refuses at once a one-value parameter given twice with different values, before anything is done. */
    void checkSingleValues(PlatformRequest call) {
        for (Param param : params) {
            if (!param.list()) {
                call.optional(param.name());
            }
        }
    }

    /** The endpoints of one service group ({@code users.Authentication}, {@code environment.Control}). */
    interface Group {
        List<Endpoint> endpoints();
    }
}
