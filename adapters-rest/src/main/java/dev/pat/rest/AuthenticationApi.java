package dev.pat.rest;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.AddressRestriction;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.EnvRestriction;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenPolicies;
import dev.pat.domain.port.in.AuditLog;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.PolicyRequest;
import dev.pat.domain.port.in.ReportLeaks;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.in.TokenView;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.pat.rest.Endpoint.Param.optional;
import static dev.pat.rest.Endpoint.Param.optionalList;
import static dev.pat.rest.Endpoint.Param.required;
import static dev.pat.rest.Endpoint.Param.requiredList;

/** {@code users.Authentication}: sessions, and the Access Tokens tab's methods. */
@Component
class AuthenticationApi implements Endpoint.Group {
    static final Endpoint.Param SESSION = required("session",
            "a session key from Signin, or a personal access token value (or send Authorization: Bearer VALUE)");
    static final Endpoint.Param PASSWORD = required("password", "the account's password, confirming the change");
    private static final String EXPIRES = "dd-mm-yyyy, yyyy-mm-dd (valid through that day, UTC) or"
            + " yyyy-mm-dd hh:mm:ss (UTC)";
    private static final String API_LIST = "methods of a Custom token: comma- or semicolon-separated, a JSON array,"
            + " or the key repeated";
    private static final ApiCatalog CATALOG = ApiCatalog.platform();
    private static final String KEEP = "; left out: unchanged";
    private static final String ENV_NAMES = "environment names or prefix-* patterns the token is limited to,"
            + " as a list; * for every environment";
    private static final String ALLOWED_IPS = "IPv4/IPv6 addresses and CIDR ranges the token may be used from, as a"
            + " list; * for anywhere";
    private static final String RATE_LIMIT = "calls a minute the token may make; 0 for the operator's default";
    private static final String IDLE_DAYS = "days unused after which the token stops working; 0 for never";

    private final AuthorizeCall authorize;
    private final SignIn signIn;
    private final ManageTokens tokens;
    private final AuditLog audit;
    private final ReportLeaks leaks;

    AuthenticationApi(AuthorizeCall authorize, SignIn signIn, ManageTokens tokens, AuditLog audit,
                      ReportLeaks leaks) {
        this.authorize = authorize;
        this.signIn = signIn;
        this.tokens = tokens;
        this.audit = audit;
        this.leaks = leaks;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(ApiCatalog.SIGNIN, List.of(required("login", "the account's e-mail"),
                        required("password", "the account's password (by POST, it stays out of URLs and logs;"
                                + " by GET it is redacted in PAT's log)")), this::signin),
                new Endpoint(ApiCatalog.VERIFY_2FA, List.of(SESSION, required("code", "the 6-digit TOTP code")),
                        call -> {
                            signIn.verifyTwoFactor(call.credential(), call.required("code"), call.address());
                            return Answers.ok();
                        }),
                new Endpoint(ApiCatalog.SIGNOUT, List.of(SESSION), call -> {
                    signIn.signOut(call.credential(), call.address());
                    return Answers.ok();
                }),
                new Endpoint(ApiCatalog.CHECK_SIGN, List.of(SESSION), call -> {
                    call.authorizedBy(authorize);
                    return Answers.ok();
                }),
                new Endpoint(ApiCatalog.GET_TOKENS, List.of(SESSION, optionalList("ids", "1;4;6, 1,4,6 or * (all)")),
                        this::getTokens),
                new Endpoint(ApiCatalog.CREATE_TOKEN, List.of(SESSION, PASSWORD,
                        required("description", "what the token is for, at most 255 characters"),
                        optional(ScopeRequest.API_SET,
                                "Extended Access, IDE Plugins, Marketplace, Maven Plugin or Custom"),
                        optionalList(ScopeRequest.API_LIST, API_LIST), optional(Expiry.FIELD, EXPIRES
                                + "; without it, the longest lifetime allowed (or never, where none is set)"),
                        optionalList(EnvRestriction.FIELD, ENV_NAMES + "; left out: every environment"),
                        optionalList(AddressRestriction.FIELD, ALLOWED_IPS + "; left out: anywhere"),
                        optional(TokenPolicies.RATE_LIMIT, RATE_LIMIT + "; left out: the default"),
                        optional(TokenPolicies.IDLE_DAYS, IDLE_DAYS + "; left out: the operator's default")),
                        this::createToken),
                new Endpoint(ApiCatalog.EDIT_TOKEN, List.of(SESSION, PASSWORD, required("id", "the token's id"),
                        optional("description", "a new description"),
                        optional(ScopeRequest.API_SET, "a new API set"), optionalList(ScopeRequest.API_LIST, API_LIST),
                        optional(Expiry.FIELD, EXPIRES), optionalList(EnvRestriction.FIELD, ENV_NAMES + KEEP),
                        optionalList(AddressRestriction.FIELD, ALLOWED_IPS + KEEP),
                        optional(TokenPolicies.RATE_LIMIT, RATE_LIMIT + KEEP),
                        optional(TokenPolicies.IDLE_DAYS, IDLE_DAYS + KEEP)), this::editToken),
                new Endpoint(ApiCatalog.REGENERATE_TOKEN, List.of(SESSION, PASSWORD,
                        required("id", "the token's id (or ids)"),
                        optional(Expiry.FIELD, "a new expiry; required when the token has expired"),
                        optional(PolicyLimits.GRACE_PERIOD, "minutes the old value keeps working (0 to 1440);"
                                + " left out or 0: it stops working at once")),
                        this::regenerateToken),
                new Endpoint(ApiCatalog.COPY_TOKEN, List.of(SESSION, PASSWORD, required("id", "the token to copy"),
                        optional("description", "defaults to 'Copy of …'"), optional(Expiry.FIELD, EXPIRES),
                        optionalList(EnvRestriction.FIELD, ENV_NAMES + "; left out: the original's"),
                        optionalList(AddressRestriction.FIELD, ALLOWED_IPS + "; left out: the original's"),
                        optional(TokenPolicies.RATE_LIMIT, RATE_LIMIT + "; left out: the original's"),
                        optional(TokenPolicies.IDLE_DAYS, IDLE_DAYS + "; left out: the original's")),
                        this::copyToken),
                new Endpoint(ApiCatalog.END_TOKEN_GRACE_PERIOD, List.of(SESSION, PASSWORD,
                        required("id", "the regenerated token whose old value should stop working now")), call -> {
                            Caller caller = call.authorizedBy(authorize);
                            return Answers.ok("token", tokens.endGracePeriod(new ManageTokens.EndGracePeriod(caller,
                                    password(call), id(call))));
                        }),
                new Endpoint(ApiCatalog.GET_TOKEN_EVENTS, List.of(SESSION,
                        optionalList("ids", "only these tokens' events"),
                        optional("from", "from this day (yyyy-mm-dd, dd-mm-yyyy) or second (yyyy-mm-dd hh:mm:ss), UTC"),
                        optional("to", "up to the end of this day, or this second, UTC"),
                        optional("kind", "one kind: " + AuditKind.names()),
                        optional("limit", "how many at most, newest first: 1 to " + AuditQuery.MAX_LIMIT
                                + " (default " + AuditQuery.DEFAULT_LIMIT + ")"),
                        optional("startRow", "how many of the newest to skip, for the next page")), call -> {
                            Caller caller = call.authorizedBy(authorize);
                            AuditQuery query = AuditQuery.parse(call.list("ids"), call.optional("from"),
                                    call.optional("to"), call.optional("kind"), call.optional("limit"),
                                    call.optional("startRow"));
                            return Answers.ok("events", audit.events(caller.account(), query).stream()
                                    .map(Answers::event).toList());
                        }),
                new Endpoint(ApiCatalog.REVOKE_LEAKED_TOKENS, List.of(requiredList("keys",
                        "token values found where they should not be: each live one stops working at once; the"
                                + " answer is the same whatever they were")), call -> {
                            leaks.report(call.list("keys"), call.address());
                            return Answers.ok();
                        }),
                new Endpoint(ApiCatalog.GET_TOKEN_INFO, List.of(required("session",
                        "the token asking about itself (or send Authorization: Bearer VALUE)")), call -> {
                            ManageTokens.TokenInfo info = tokens.info(call.authorizedBy(authorize));
                            Map<String, Object> answer = Answers.ok("token", info.token());
                            answer.put("login", info.login());
                            return answer;
                        }),
                new Endpoint(ApiCatalog.DELETE_TOKENS, List.of(SESSION, PASSWORD,
                        requiredList("ids", "the tokens to remove, or * for all of the account's")),
                        this::deleteTokens),
                new Endpoint(ApiCatalog.GET_TOKEN_API_LIST, List.of(SESSION,
                        optional("search", "text in name or description")), call -> {
                            call.authorizedBy(authorize);
                            return Answers.ok("tokenPermissions", CATALOG.grantable(call.optional("search")
                                    .orElse("")).stream().map(Answers::permission).toList());
                        }),
                new Endpoint(ApiCatalog.GET_TOKEN_TEMPLATES, List.of(SESSION), call -> {
                    call.authorizedBy(authorize);
                    return Answers.ok("templates", CATALOG.apiSets().stream().map(TokenView.Template::of).toList());
                }));
    }

    private Map<String, Object> signin(PlatformRequest call) {
        SignIn.SignedIn signedIn = signIn.signIn(new Login(call.required("login")),
                Password.given(call.required("password")), call.address());
        Map<String, Object> answer = Answers.ok();
        answer.put("session", signedIn.key().reveal());
        answer.put("uid", signedIn.account().id().value());
        answer.put("email", signedIn.account().login().value());
        answer.put("name", signedIn.account().name().value());
        if (signedIn.pending()) {
            answer.put("twoFactorRequired", true);
        }
        return answer;
    }

    private Map<String, Object> getTokens(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        boolean all = !call.has("ids") || call.values("ids").stream().anyMatch(ids -> ids.trim().equals("*"));
        Optional<Set<TokenId>> only = all ? Optional.empty() : Optional.of(ids(call, "ids"));
        return Answers.ok("apiTokens", tokens.list(caller.account(), only));
    }

    private Map<String, Object> createToken(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        var issued = tokens.generate(new ManageTokens.Generate(caller, password(call),
                new Description(call.optional("description").orElse(null)), scope(call),
                call.optional(Expiry.FIELD).map(Expiry::parse), policies(call)));
        return Answers.issued(issued);
    }

    private Map<String, Object> editToken(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        var edited = tokens.edit(new ManageTokens.Edit(caller, password(call), id(call),
                call.optional("description").map(Description::new),
                ScopeRequest.parse(call.optional(ScopeRequest.API_SET), call.values(ScopeRequest.API_LIST)),
                call.optional(Expiry.FIELD).map(Expiry::parse), policies(call)));
        return Answers.ok("token", edited);
    }

    private Map<String, Object> regenerateToken(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        Duration grace = PolicyRequest.number(PolicyLimits.GRACE_PERIOD, call.optional(PolicyLimits.GRACE_PERIOD))
                .map(PolicyLimits::gracePeriod).orElse(Duration.ZERO);
        return Answers.issued(tokens.regenerate(new ManageTokens.Regenerate(caller, password(call),
                id(call), call.optional(Expiry.FIELD).map(Expiry::parse), grace)));
    }

    private Map<String, Object> copyToken(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        return Answers.issued(tokens.copy(new ManageTokens.Copy(caller, password(call), id(call),
                call.optional("description").map(Description::new),
                call.optional(Expiry.FIELD).map(Expiry::parse), policies(call))));
    }

    private Map<String, Object> deleteTokens(PlatformRequest call) {
        Caller caller = call.authorizedBy(authorize);
        if (!call.has("ids")) {
            throw new InvalidInput("ids", "required: the ids of the tokens to remove");
        }
        boolean all = call.values("ids").stream().anyMatch(ids -> ids.trim().equals("*"));
        tokens.remove(all ? ManageTokens.Remove.all(caller, password(call))
                : new ManageTokens.Remove(caller, password(call), ids(call, "ids")));
        return Answers.ok();
    }

    private static ScopeRequest scope(PlatformRequest call) {
        return ScopeRequest.required(call.optional(ScopeRequest.API_SET), call.values(ScopeRequest.API_LIST));
    }

    private static PolicyRequest policies(PlatformRequest call) {
        return PolicyRequest.parse(call.values(EnvRestriction.FIELD), call.values(AddressRestriction.FIELD),
                call.optional(TokenPolicies.RATE_LIMIT), call.optional(TokenPolicies.IDLE_DAYS));
    }

    private static Password password(PlatformRequest call) {
        return Password.given(call.optional("password").orElse(null));
    }

    /** RegenerateToken's id comes as {@code id} or as {@code ids}; exactly one token is meant. */
    private static TokenId id(PlatformRequest call) {
        String field = call.has("id") ? "id" : "ids";
        Set<TokenId> ids = call.has(field) ? ids(call, field) : Set.of();
        if (ids.size() != 1) {
            throw new InvalidInput("id", ids.isEmpty() ? "required" : "name exactly one token");
        }
        return ids.iterator().next();
    }

    private static Set<TokenId> ids(PlatformRequest call, String field) {
        return TokenId.parseAll(field, call.values(field));
    }
}
