package dev.pat.domain.port.in;

import java.util.List;
import java.util.Optional;

/** The API a caller asked a token to have: a predefined set by name, or Custom with a list of method names. */
public record ScopeRequest(Optional<String> apiSet, List<String> apiList) {
    public ScopeRequest {
        apiList = List.copyOf(apiList);
    }

    public static ScopeRequest apiSet(String name) {
        return new ScopeRequest(Optional.of(name), List.of());
    }

    public static ScopeRequest custom(List<String> methods) {
        return new ScopeRequest(Optional.empty(), methods);
    }
}
