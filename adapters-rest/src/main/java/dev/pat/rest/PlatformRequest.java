package dev.pat.rest;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.ListText;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.in.AuthorizeCall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the platform API as the adapter reads it, once: the method, its parameters (query and body merged),
 * the credential presented and where the call comes from. Lenient as the public platform's clients need (an empty
 * value means absent, lists come in any of their usual spellings, see {@link ListText}) and strict where leniency
 * would hide a mistake: a parameter given twice with different values is refused, naming it.
 */
final class PlatformRequest {
    private final ApiMethod method;
    private final Map<String, List<String>> values;
    private final Credential credential;
    private final boolean post;
    private final ClientAddress address;
    private Optional<Caller> caller = Optional.empty();

    PlatformRequest(ApiMethod method, Map<String, List<String>> values, Optional<String> bearer, boolean post,
                    ClientAddress address) {
        this.method = method;
        this.values = present(values);
        this.post = post;
        this.address = address;
        this.credential = credential(optional("session"), bearer);
    }

    private static Map<String, List<String>> present(Map<String, List<String>> values) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            List<String> given = list.stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!given.isEmpty()) {
                kept.put(key, given);
            }
        });
        return kept;
    }

    /** The session parameter or a Bearer header; when both are given they must agree. */
    private static Credential credential(Optional<String> session, Optional<String> bearer) {
        if (session.isPresent() && bearer.isPresent() && !session.get().equals(bearer.get())) {
            throw new InvalidInput("session", "differs from the Authorization header; send one credential");
        }
        return Credential.presented(session.or(() -> bearer).orElse(null));
    }

    /** Who is calling this method with the credential presented, or the core's refusal. */
    Caller authorizedBy(AuthorizeCall authorize) {
        Caller authorized = authorize.authorize(credential, method, address);
        caller = Optional.of(authorized);
        return authorized;
    }

    /** Who the call was authorised for, once it was. */
    Optional<Caller> caller() {
        return caller;
    }

    ApiMethod method() {
        return method;
    }

    Credential credential() {
        return credential;
    }

    ClientAddress address() {
        return address;
    }

    boolean isPost() {
        return post;
    }

    /** A single value; given twice, it must be the same both times. */
    Optional<String> optional(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            return Optional.empty();
        }
        for (int i = 1; i < given.size(); i++) {
            if (!given.get(i).equals(given.get(0))) {
                throw new InvalidInput(name, "given more than once, with different values; give it once");
            }
        }
        return Optional.of(given.get(0));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidInput(name, "required"));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every value given for a list parameter, as typed; {@link ListText} splits them. */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The items of a list parameter, in any of its spellings. */
    List<String> list(String name) {
        return ListText.items(name, values(name));
    }
}
