package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiSet;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a token may call: the methods of a predefined API set (its id kept) or of a Custom list.
 * The methods are fixed when the token is generated or edited.
 */
public record Scope(Optional<String> apiSetId, Set<ApiMethod> methods) {
    public Scope {
        if (apiSetId == null) {
            throw new IllegalArgumentException("apiSetId must be given, empty for Custom");
        }
        if (methods == null || methods.isEmpty()) {
            throw new InvalidInput("apiList", "a token needs at least one API method");
        }
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods));
    }

    public static Scope of(ApiSet set) {
        return new Scope(Optional.of(set.id()), new LinkedHashSet<>(set.methods()));
    }

    public static Scope custom(Set<ApiMethod> methods) {
        return new Scope(Optional.empty(), methods);
    }

    public boolean isCustom() {
        return apiSetId.isEmpty();
    }

    public boolean covers(ApiMethod method) {
        return methods.contains(method);
    }
}
