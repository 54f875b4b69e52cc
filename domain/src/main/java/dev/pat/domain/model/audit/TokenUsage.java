package dev.pat.domain.model.audit;

import java.util.List;

/**
 * What a token was actually used for: the last few distinct addresses it was used from (newest first, as GitLab
 * keeps five) and the methods it called, with how many calls each.
 */
public record TokenUsage(List<String> lastAddresses, List<MethodCalls> methods) {
    /** How many addresses are kept per token. */
    public static final int ADDRESSES = 5;
    public static final TokenUsage NONE = new TokenUsage(List.of(), List.of());

    public TokenUsage {
        lastAddresses = List.copyOf(lastAddresses);
        methods = List.copyOf(methods);
    }

    /** One method a token called, and how many times. */
    public record MethodCalls(String method, long calls) {
    }
}
