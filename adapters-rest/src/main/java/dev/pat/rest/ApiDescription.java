package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI description of the platform API (served at /v3/api-docs): every method, parameter and result. */
@Component
class ApiDescription implements OpenApiCustomizer {

    record Param(String name, boolean required, String description) {
    }

    private static Param required(String name, String description) {
        return new Param(name, true, description);
    }

    private static Param optional(String name, String description) {
        return new Param(name, false, description);
    }

    private static final Param SESSION = required("session",
            "a session key from Signin, or a personal access token value (or send Authorization: Bearer VALUE)");
    private static final Param PASSWORD = required("password", "the account's password, confirming the change");
    private static final Param ENV_NAME = required("envName", "the environment's name");
    private static final String RESULTS = "Always HTTP 200 with a numeric result: 0 success; 4 invalid parameter"
            + " (error names it); 5 token not found; 8 permission denied; 11 environment does not exist;"
            + " 701 wrong login or password; 702 not authenticated; 703 password confirmation failed;"
            + " 704 two-factor code required or wrong; 705 too many failed attempts; 706 token limit reached;"
            + " 99 internal error.";
    private static final String EXPIRES = "dd-mm-yyyy, yyyy-mm-dd (valid through that day, UTC) or"
            + " yyyy-mm-dd hh:mm:ss (UTC)";
    private static final String API_LIST = "methods of a Custom token: comma- or semicolon-separated, a JSON array,"
            + " or the key repeated";

    static final Map<ApiMethod, List<Param>> PARAMETERS = Map.ofEntries(
            Map.entry(ApiCatalog.SIGNIN, List.of(required("login", "the account's e-mail"),
                    required("password", "the account's password (POST only)"))),
            Map.entry(ApiCatalog.VERIFY_2FA, List.of(SESSION, required("code", "the 6-digit TOTP code"))),
            Map.entry(ApiCatalog.SIGNOUT, List.of(SESSION)),
            Map.entry(ApiCatalog.CHECK_SIGN, List.of(SESSION)),
            Map.entry(ApiCatalog.GET_TOKENS, List.of(SESSION, optional("ids", "1;4;6, 1,4,6 or * (all)"))),
            Map.entry(ApiCatalog.CREATE_TOKEN, List.of(SESSION, PASSWORD,
                    required("description", "what the token is for, at most 255 characters"),
                    optional("tokenTemplate", "Extended Access, IDE Plugins, Marketplace, Maven Plugin or Custom"),
                    optional("apiList", API_LIST), required("expiresAt", EXPIRES))),
            Map.entry(ApiCatalog.EDIT_TOKEN, List.of(SESSION, PASSWORD, required("id", "the token's id"),
                    optional("description", "a new description"), optional("tokenTemplate", "a new API set"),
                    optional("apiList", API_LIST), optional("expiresAt", EXPIRES))),
            Map.entry(ApiCatalog.REGENERATE_TOKEN, List.of(SESSION, PASSWORD, required("id", "the token's id (or ids)"),
                    optional("expiresAt", "a new expiry; required when the token has expired"))),
            Map.entry(ApiCatalog.COPY_TOKEN, List.of(SESSION, PASSWORD, required("id", "the token to copy"),
                    optional("description", "defaults to 'Copy of …'"), optional("expiresAt", EXPIRES))),
            Map.entry(ApiCatalog.DELETE_TOKENS, List.of(SESSION, PASSWORD, required("ids", "the tokens to remove"))),
            Map.entry(ApiCatalog.GET_TOKEN_API_LIST, List.of(SESSION, optional("search", "text in name or description"))),
            Map.entry(ApiCatalog.GET_TOKEN_TEMPLATES, List.of(SESSION)),
            Map.entry(ApiCatalog.CREATE_ENVIRONMENT, List.of(SESSION,
                    optional("env", "JSON with shortdomain, e.g. {\"shortdomain\":\"my-project\"}"),
                    optional("envName", "the name, when env is not given"))),
            Map.entry(ApiCatalog.GET_ENVS, List.of(SESSION)),
            Map.entry(ApiCatalog.GET_ENV_INFO, List.of(SESSION, ENV_NAME)),
            Map.entry(ApiCatalog.START_ENV, List.of(SESSION, ENV_NAME)),
            Map.entry(ApiCatalog.STOP_ENV, List.of(SESSION, ENV_NAME)),
            Map.entry(ApiCatalog.SLEEP_ENV, List.of(SESSION, ENV_NAME)),
            Map.entry(ApiCatalog.DELETE_ENV, List.of(SESSION, ENV_NAME, PASSWORD)));

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.info(new Info().title("PAT platform API").version("1.0").description(
                "Personal access tokens for the platform API. Pass a token in the session parameter of any method"
                        + " it covers. " + RESULTS));
        Paths paths = new Paths();
        for (Map.Entry<ApiMethod, List<Param>> entry : PARAMETERS.entrySet()) {
            ApiMethod method = entry.getKey();
            ApiMethodInfo info = ApiCatalog.platform().info(method);
            PathItem item = new PathItem();
            Operation post = operation(info, entry.getValue(), "post");
            item.post(post);
            if (!method.equals(ApiCatalog.SIGNIN)) {
                item.get(operation(info, entry.getValue(), "get"));
            }
            paths.addPathItem("/1.0/" + method.service().toLowerCase(Locale.ROOT) + "/"
                    + method.group().toLowerCase(Locale.ROOT) + "/rest/" + method.method().toLowerCase(Locale.ROOT),
                    item);
        }
        openApi.paths(paths);
    }

    private static Operation operation(ApiMethodInfo info, List<Param> params, String verb) {
        Operation operation = new Operation()
                .operationId(info.method().canonical() + "." + verb)
                .summary(info.description())
                .description(info.method().canonical() + (info.grantable()
                        ? " (can be given to a token)" : " (needs a signed-in session; tokens get result 8)")
                        + ". " + RESULTS)
                .addTagsItem(info.method().service() + "." + info.method().group());
        params.forEach(p -> operation.addParametersItem(new Parameter().in("query").name(p.name())
                .required(p.required()).description(p.description()).schema(new StringSchema())));
        Schema<Object> answer = new Schema<>().type("object").addProperty("result", new Schema<>().type("integer"))
                .addProperty("error", new StringSchema()).addProperty("source", new StringSchema());
        operation.responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description(RESULTS)
                        .content(new Content().addMediaType("application/json", new MediaType().schema(answer))))
                .addApiResponse("404", new ApiResponse().description("unknown method")));
        return operation;
    }
}
