package dev.pat.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI description of the platform API, built from the endpoint table with swagger's models: every method,
 * its parameters and its results; written with Jackson.
 */
final class OpenApiDocument {

    private static final String RESULTS = "Always HTTP 200 with a numeric result: 0 success; 4 invalid parameter"
            + " (error names it); 5 token not found; 8 permission denied; 11 environment does not exist;"
            + " 701 wrong login or password; 702 not authenticated; 703 password confirmation failed;"
            + " 704 two-factor code required or wrong; 705 too many failed attempts; 706 token limit reached;"
            + " 707 rate limited (see Retry-After); 99 internal error.";

    private OpenApiDocument() {
    }

    /** The document as JSON, absent values left out as OpenAPI writes them. */
    static byte[] write(Endpoints endpoints) {
        JsonMapper writer = JsonMapper.builder()
                .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(MediaType.class, NoExampleFlag.class)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY) // in the models' order: openapi, info, paths
                .build();
        return writer.writerWithDefaultPrettyPrinter().writeValueAsBytes(describe(endpoints));
    }

    private static OpenAPI describe(Endpoints endpoints) {
        Paths paths = new Paths();
        for (Endpoint endpoint : endpoints.all()) {
            ApiMethod method = endpoint.method();
            ApiMethodInfo info = ApiCatalog.platform().info(method);
            PathItem item = new PathItem();
            item.post(operation(info, endpoint.params(), "post"));
            item.get(operation(info, endpoint.params(), "get"));
            paths.addPathItem("/1.0/" + method.service().toLowerCase(Locale.ROOT) + "/"
                    + method.group().toLowerCase(Locale.ROOT) + "/rest/" + method.method().toLowerCase(Locale.ROOT),
                    item);
        }
        return new OpenAPI().openapi("3.1.0")
                .info(new Info().title("PAT platform API").version("1.0").description(
                        "Personal access tokens for the platform API. Pass a token in the session parameter of any"
                                + " method it covers. " + RESULTS))
                .paths(paths);
    }

    private static Operation operation(ApiMethodInfo info, List<Endpoint.Param> params, String verb) {
        Operation operation = new Operation()
                .operationId(info.method().canonical() + "." + verb)
                .summary(info.description())
                .description(info.method().canonical() + (info.grantable()
                        ? " (can be given to a token)" : " (needs a signed-in session; tokens get result 8)")
                        + ". " + RESULTS)
                .addTagsItem(info.method().service() + "." + info.method().group());
        params.forEach(p -> operation.addParametersItem(new Parameter().in("query").name(p.name())
                .required(p.required()).description(p.description()).schema(typed("string"))));
        Schema<Object> answer = typed("object").addProperty("result", typed("integer"))
                .addProperty("error", typed("string")).addProperty("source", typed("string"));
        operation.responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description(RESULTS)
                        .content(new Content().addMediaType("application/json", new MediaType().schema(answer))))
                .addApiResponse("404", new ApiResponse().description("unknown method")));
        return operation;
    }

    /** A schema of one JSON type. */
    private static Schema<Object> typed(String type) {
        return new Schema<>().type(type);
    }

    /** The models' bookkeeping, no part of OpenAPI (swagger-core's own writer leaves it out the same way). */
    @JsonIgnoreProperties("exampleSetFlag")
    private interface NoExampleFlag {
    }
}
