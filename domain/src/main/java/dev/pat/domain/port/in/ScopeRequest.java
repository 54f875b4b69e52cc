package dev.pat.domain.port.in;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.ListText;

import java.util.List;
import java.util.Optional;

/**
 * The API a caller asked a token to have: a predefined set by name, or Custom with a list of method names. Every
 * face reads it the same way: a set, or a list, never both and never neither where a token needs one.
 */
public record ScopeRequest(Optional<String> apiSet, List<String> apiList) {
    public static final String API_SET = "tokenTemplate";
    public static final String API_LIST = "apiList";

    public ScopeRequest {
        apiList = List.copyOf(apiList);
    }

    public static ScopeRequest apiSet(String name) {
        return new ScopeRequest(Optional.of(name), List.of());
    }

    public static ScopeRequest custom(List<String> methods) {
        return new ScopeRequest(Optional.empty(), methods);
    }

    /**
     * What the caller typed, if anything: a set's name, and the methods as typed (each value may itself be a list,
     * see {@link ListText}). Empty when neither was given, as when an edit leaves the API alone.
     */
    public static Optional<ScopeRequest> parse(Optional<String> apiSet, List<String> apiListValues) {
        Optional<String> set = apiSet.map(String::strip).filter(s -> !s.isEmpty());
        List<String> methods = ListText.items(API_LIST, apiListValues);
        if (set.isEmpty() && methods.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScopeRequest(set, methods));
    }

    /** As {@link #parse}, for a token that must be given an API: neither a set nor a method is refused. */
    public static ScopeRequest required(Optional<String> apiSet, List<String> apiListValues) {
        return parse(apiSet, apiListValues).orElseThrow(() -> new InvalidInput(API_LIST,
                "give a predefined API set or the methods of a Custom one"));
    }
}
