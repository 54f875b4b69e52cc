package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRouteTest {
    @Test
    void every_method_is_routed_by_its_documented_path_as_the_full_parse_routes_it_and_in_any_case() {
        for (ApiMethodInfo info : ApiCatalog.platform().methods()) {
            ApiMethod method = info.method();
            String path = method.service() + "/" + method.group() + "/rest/" + method.method();
            for (String sent : List.of("/1.0/" + path.toLowerCase(Locale.ROOT), "/" + path.toLowerCase(Locale.ROOT),
                    "/1.0/" + path, "/" + path.toUpperCase(Locale.ROOT))) {
                assertThat(ApiRoute.of(sent)).as(sent).isEqualTo(ApiRoute.parse(sent))
                        .isEqualTo(new ApiRoute(Optional.of(method)));
            }
        }
    }

    @Test
    void a_platform_path_naming_no_method_and_any_other_path_are_told_apart() {
        assertThat(ApiRoute.of("/1.0/environment/control/rest/nosuchmethod")).isEqualTo(new ApiRoute(Optional.empty()));
        assertThat(ApiRoute.of("/1.0/anything")).isEqualTo(new ApiRoute(Optional.empty()));
        assertThat(ApiRoute.of("/environment/control/rest/nosuchmethod")).isEqualTo(new ApiRoute(Optional.empty()));
        assertThat(ApiRoute.of("/index.html")).isNull();
        assertThat(ApiRoute.of("/environment/control/getenvinfo")).isNull();
    }
}
