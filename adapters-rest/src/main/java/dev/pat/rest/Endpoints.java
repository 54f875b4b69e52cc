package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of every endpoint, keyed by method. Checked when the application starts: every method of the catalog
 * has exactly one endpoint, so a method without a handler stops the start rather than failing a call.
 */
@Component
class Endpoints {
    private final Map<ApiMethod, Endpoint> byMethod;

    Endpoints(List<Endpoint.Group> groups) {
        List<Endpoint> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.endpoints()));
        this.byMethod = table(all, ApiCatalog.platform());
    }

    /** The endpoints by method; refuses a method served twice, one served but not in the catalog, or one missing. */
    static Map<ApiMethod, Endpoint> table(Collection<Endpoint> endpoints, ApiCatalog catalog) {
        Map<ApiMethod, Endpoint> table = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (table.putIfAbsent(endpoint.method(), endpoint) != null) {
                problems.add(endpoint.method() + " has two handlers");
            }
            if (catalog.find(endpoint.method().canonical()).isEmpty()) {
                problems.add(endpoint.method() + " is not in the catalog");
            }
        }
        for (ApiMethodInfo info : catalog.methods()) {
            if (!table.containsKey(info.method())) {
                problems.add(info.method() + " has no handler");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the platform API is incomplete: " + String.join("; ", problems));
        }
        return Map.copyOf(table);
    }

    Optional<Endpoint> of(ApiMethod method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    Collection<Endpoint> all() {
        return byMethod.values();
    }
}
