package dev.pat.acceptance.steps;

import java.util.List;
import java.util.Optional;

/**
 * One face of the product, in the seed's words: the HTTP API, or the admin shell. The features are proven
 * through each implementation in turn. Every method acts as the account signed in last.
 */
public interface PlatformDriver {

    /** How a change or a call ended, in the words of the features. */
    enum Failure { NONE, WRONG_PASSWORD, INVALID, NOT_FOUND, LIMIT, NOT_PERMITTED, NOT_AUTHENTICATED, TWO_FACTOR, OTHER }

    record Outcome(Failure failure, String message, Optional<Long> id, Optional<String> value) {
        public boolean ok() {
            return failure == Failure.NONE;
        }

        public static Outcome ok(Optional<Long> id, Optional<String> value) {
            return new Outcome(Failure.NONE, "", id, value);
        }

        public static Outcome failed(Failure failure, String message) {
            return new Outcome(failure, message, Optional.empty(), Optional.empty());
        }
    }

    /** A row of the token list. */
    record TokenView(long id, String description, String api, String expiresAt, String status) {
    }

    /** A method offered by the method picker. */
    record MethodView(String method, String docUrl) {
    }

    void createAccount(String login, String password);

    Outcome signIn(String login, String password, Optional<String> code);

    Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                     String password);

    Outcome edit(long id, String newDescription, String password);

    Outcome regenerate(long id, Optional<String> expiresAt, String password);

    Outcome copy(long id, String description, String password);

    Outcome remove(List<Long> ids, String password);

    List<TokenView> list();

    /** Everything the listing shows, as a person or a script would see it. */
    String listingText();

    List<MethodView> methods(String search);

    /** The methods checked for a token in the method picker. */
    List<String> checkedMethods(long tokenId);

    void signOut();
}
