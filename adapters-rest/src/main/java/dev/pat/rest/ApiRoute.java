package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which method a path names: {@code /1.0/{service}/{group}/rest/{method}}, in any case, with or without
 * {@code /1.0}, as the public platform's clients send it. A path under {@code /1.0/} or of that shape that names no
 * method is still a platform path (answered 404 in the platform's shape); any other path is not.
 */
record ApiRoute(Optional<ApiMethod> method) {
    private static final ApiCatalog CATALOG = ApiCatalog.platform();
    private static final String VERSION = "/1.0/";
    /**
     * Every method's path as the platform's documentation writes it (lower case), with and without {@code /1.0}: the
     * paths clients send, routed by one lookup, without cutting the path up or building a name.
     */
    private static final Map<String, ApiRoute> KNOWN = known();

    private static Map<String, ApiRoute> known() {
        Map<String, ApiRoute> known = new HashMap<>();
        for (ApiMethodInfo info : CATALOG.methods()) {
            ApiMethod method = info.method();
            ApiRoute route = new ApiRoute(Optional.of(method));
            String path = (method.service() + "/" + method.group() + "/rest/" + method.method())
                    .toLowerCase(Locale.ROOT);
            known.put(VERSION + path, route);
            known.put("/" + path, route);
        }
        return Map.copyOf(known);
    }

    /** The route of a path, or null when the path is not the platform API's at all. */
    static ApiRoute of(String path) {
        ApiRoute known = KNOWN.get(path);
        return known != null ? known : parse(path);
    }

    /** {@link #of}, for any path: cut into its segments and looked up by name, in any case. */
    static ApiRoute parse(String path) {
        boolean versioned = path.startsWith(VERSION);
        int start = versioned ? VERSION.length() : 1;
        String[] segments = new String[4];
        int count = 0;
        int from = start;
        while (from <= path.length() && count < 5) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            if (count < 4) {
                segments[count] = path.substring(from, end);
            }
            count++;
            if (slash < 0) {
                break;
            }
            from = slash + 1;
        }
        boolean shaped = count == 4 && segments[2].equalsIgnoreCase("rest");
        if (!shaped) {
            return versioned ? new ApiRoute(Optional.empty()) : null;
        }
        return new ApiRoute(CATALOG.find(segments[0], segments[1], segments[3]).map(ApiMethodInfo::method));
    }
}
