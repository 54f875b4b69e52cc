package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;

import java.util.Optional;

/**
 * Which method a path names: {@code /1.0/{service}/{group}/rest/{method}}, in any case, with or without
 * {@code /1.0}, as the public platform's clients send it. A path under {@code /1.0/} or of that shape that names no
 * method is still a platform path (answered 404 in the platform's shape); any other path is not.
 */
record ApiRoute(Optional<ApiMethod> method) {
    private static final ApiCatalog CATALOG = ApiCatalog.platform();
    private static final String VERSION = "/1.0/";

    /** The route of a path, or null when the path is not the platform API's at all. */
    static ApiRoute of(String path) {
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
