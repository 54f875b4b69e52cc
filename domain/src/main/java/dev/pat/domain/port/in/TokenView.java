package dev.pat.domain.port.in;

import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.audit.TokenUsage;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenPolicies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A token as every face shows it, the one documented view: the API's token object and the shell's listings and
 * {@code --json} are this record, field for field and in this order. It says what the token is for, what it may
 * call, until when, its status at the moment of asking, and a hint of its value; never the value itself.
 *
 * @param id          the token's id
 * @param description what the token is for
 * @param tokenTemplate the API set: a predefined one, or Custom
 * @param apiListItems the methods the token may call
 * @param expiresAt   the last moment the token works; empty for a token that never expires
 * @param createdOn   when it was generated
 * @param lastUsed    when it last authenticated a call, if ever
 * @param status      {@value #ACTIVE}, {@value #EXPIRED} or {@value #IDLE_EXPIRED}, at the moment of asking
 * @param hint        the value's prefix and last four characters, to tell tokens apart
 * @param envNames    the environments (names and {@code prefix-*} patterns) it is limited to; empty: every one
 * @param allowedIps  the addresses and CIDR ranges it may be used from; empty: anywhere
 * @param rateLimit   its own limit of calls a minute; empty: the operator's default
 * @param idleDays    after how many days unused it stops working; empty: never
 * @param expiringSoon whether it still works but expires within the operator's warning time
 * @param previousValue during a rotation's overlap, the old value: its hint, until when it works, its last use
 * @param lastUsedIps the last few distinct addresses it was used from, newest first
 * @param usedMethods the methods it actually called, with how many calls each (from the audit trail)
 */
public record TokenView(long id, String description, Template tokenTemplate, List<Method> apiListItems,
                        Optional<Instant> expiresAt, Instant createdOn, Optional<Instant> lastUsed, String status,
                        String hint, List<String> envNames, List<String> allowedIps, Optional<Integer> rateLimit,
                        Optional<Integer> idleDays, boolean expiringSoon, Optional<Previous> previousValue,
                        List<String> lastUsedIps, List<TokenUsage.MethodCalls> usedMethods) {
    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String IDLE_EXPIRED = "idle-expired";
    public static final String REVOKED_FOR_LEAK = "revoked-for-leak";
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    /**
     * A token's API set: a predefined one by id and name, or Custom; with its methods, as the platform's OpenAPI
     * describes a template.
     */
    public record Template(String id, String name, List<Method> apiListItems) {
        public static final String CUSTOM_ID = "custom";

        public Template {
            apiListItems = List.copyOf(apiListItems);
        }

        public static Template of(ApiSet set) {
            return new Template(set.id(), set.name(), methods(set.methods()));
        }

        public static Template custom(List<Method> methods) {
            return new Template(CUSTOM_ID, ApiSet.CUSTOM, methods);
        }

        /** Whether this is Custom rather than a predefined set. */
        public boolean custom() {
            return id.equals(CUSTOM_ID);
        }
    }

    /**
     * A method a token may call: its id in the catalog and its canonical name, as {@code method} and, as the
     * platform's OpenAPI names an API list item, as {@code name}.
     */
    public record Method(int id, String method, String name) {
        public static Method of(ApiMethod method) {
            return new Method(CATALOG.info(method).id(), method.canonical(), method.canonical());
        }
    }

    /** A rotation's old value, still working until {@code worksUntil}; never the value itself. */
    public record Previous(String hint, Instant worksUntil, Optional<Instant> lastUsed) {
    }

    public TokenView {
        apiListItems = List.copyOf(apiListItems);
        envNames = List.copyOf(envNames);
        allowedIps = List.copyOf(allowedIps);
        lastUsedIps = List.copyOf(lastUsedIps);
        usedMethods = List.copyOf(usedMethods);
    }

    /** The view of a token at this moment; {@code warnBefore} says how early a coming expiry is flagged. */
    public static TokenView of(AccessToken token, Instant now, Duration warnBefore) {
        return of(token, now, warnBefore, TokenUsage.NONE);
    }

    /** The view with what the token was actually used for. */
    public static TokenView of(AccessToken token, Instant now, Duration warnBefore, TokenUsage usage) {
        List<Method> methods = methods(token);
        TokenPolicies policies = token.policies();
        Optional<Previous> previous = token.previous().filter(p -> p.worksAt(now))
                .map(p -> new Previous(p.hint().value(), p.worksUntil(), p.lastUsed()));
        return new TokenView(token.id().value(), token.description().value(), template(token, methods), methods,
                token.expiry().map(Expiry::lastSecond), token.createdOn(), token.lastUsed(), status(token, now),
                token.hint().value(), policies.envNames().patterns(),
                policies.allowedIps().ranges().stream().map(AddressRange::cidr).toList(), policies.rateLimit(),
                policies.idleDays(), token.expiresWithin(warnBefore, now), previous, usage.lastAddresses(),
                usage.methods());
    }

    private static String status(AccessToken token, Instant now) {
        return switch (token.status(now)) {
            case ACTIVE -> ACTIVE;
            case EXPIRED -> EXPIRED;
            case IDLE_EXPIRED -> IDLE_EXPIRED;
            case REVOKED_FOR_LEAK -> REVOKED_FOR_LEAK;
        };
    }

    public static List<Method> methods(Iterable<ApiMethod> methods) {
        List<Method> items = new ArrayList<>();
        methods.forEach(m -> items.add(Method.of(m)));
        return items;
    }

    private static List<Method> methods(AccessToken token) {
        return methods(token.scope().methods());
    }

    private static Template template(AccessToken token, List<Method> methods) {
        return token.scope().apiSetId().flatMap(CATALOG::apiSet).map(Template::of)
                .orElseGet(() -> Template.custom(methods));
    }

    /** The canonical names of the methods the token may call. */
    public List<String> methodNames() {
        return apiListItems.stream().map(Method::method).toList();
    }
}
