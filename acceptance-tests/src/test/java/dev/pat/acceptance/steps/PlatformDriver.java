package dev.pat.acceptance.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One face of the product, in the seed's words: the HTTP API, or the admin shell. The features are proven
 * through each implementation in turn. Every method acts as the account signed in last.
 */
public interface PlatformDriver {

    /** How a change or a call ended, in the words of the features. */
    enum Failure {
        NONE, WRONG_PASSWORD, INVALID, NOT_FOUND, LIMIT, NOT_PERMITTED, NOT_AUTHENTICATED, TWO_FACTOR, OTHER
    }

    /**
     * How a change ended: its failure (or none), the message, the token it made or changed, the value shown, and
     * where the value went when it was downloaded (a file) or copied (the clipboard's text).
     */
    record Outcome(Failure failure, String message, Optional<Long> id, Optional<String> value,
                   Optional<String> delivered) {
        public boolean ok() {
            return failure == Failure.NONE;
        }

        public static Outcome ok(Optional<Long> id, Optional<String> value) {
            return new Outcome(Failure.NONE, "", id, value, Optional.empty());
        }

        public static Outcome failed(Failure failure, String message) {
            return new Outcome(failure, message, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Outcome saying(String text) {
            return new Outcome(failure, text, id, value, delivered);
        }

        public Outcome delivered(String where) {
            return new Outcome(failure, message, id, value, Optional.of(where));
        }
    }

    /** What happens to a new value: shown, downloaded to a file, or copied to the clipboard (step 5). */
    enum Delivery { SHOWN, DOWNLOADED, COPIED }

    /**
     * A row of the token list: what the seed lists, and what a token carries beyond it (the environments it is
     * limited to, whether it expires soon, the old value's hint during a rotation's overlap).
     */
    record TokenView(long id, String description, String api, String expiresAt, String status,
                     List<String> envNames, boolean expiringSoon, Optional<String> previousHint,
                     List<String> lastUsedIps) {
    }

    /** A row of a token's log (the audit trail). */
    record EventView(String what, String method, String address, String result, long count) {
    }

    /** A method offered by the method picker. */
    record MethodView(String method, String docUrl) {
    }

    void createAccount(String login, String password);

    Outcome signIn(String login, String password, Optional<String> code);

    /**
     * Generates a token; {@code policies} are keyed by the API's names ({@code envNames}, {@code allowedIps},
     * {@code rateLimit}, {@code idleDays}), which each face spells its own way.
     */
    Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                     Map<String, String> policies, String password, Delivery delivery);

    default Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                             String password, Delivery delivery) {
        return generate(description, expiresAt, apiSet, methods, Map.of(), password, delivery);
    }

    default Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                             String password) {
        return generate(description, expiresAt, apiSet, methods, password, Delivery.SHOWN);
    }

    /** Edits what is given: the description, the expiry, the API (a set, or Custom methods). */
    Outcome edit(long id, Optional<String> description, Optional<String> expiresAt, Optional<String> apiSet,
                 List<String> methods, String password);

    /** Regenerates; the old value keeps working {@code graceMinutes} more (0: it stops at once, as the seed says). */
    Outcome regenerate(long id, Optional<String> expiresAt, int graceMinutes, String password);

    default Outcome regenerate(long id, Optional<String> expiresAt, String password) {
        return regenerate(id, expiresAt, 0, password);
    }

    /** Ends a rotation's overlap early: the old value stops working now. */
    Outcome endOverlap(long id, String password);

    /** The token's log, newest first. */
    List<EventView> log(long tokenId);

    /** Keeps only the methods the token called (in the last 30 days), confirmed with the password. */
    Outcome narrow(long id, String password);

    Outcome copy(long id, String description, String password);

    Outcome remove(List<Long> ids, String password);

    Outcome removeAll(String password);

    /** How this face names a field of the seed (Expires At, API) in what it tells people. */
    String field(String seedWord);

    List<TokenView> list();

    /** Everything the listing shows, as a person or a script would see it. */
    String listingText();

    List<MethodView> methods(String search);

    /** The methods checked for a token in the method picker. */
    List<String> checkedMethods(long tokenId);

    void signOut();

    /** How this face shows an environment's status ("Stopped"), where it shows environments at all. */
    default Optional<String> environmentStatus(String envName) {
        return Optional.empty();
    }
}
