package dev.pat.domain.model.audit;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.token.TokenId;

/**
 * Who did what an audit event records: a signed-in session, one of the account's tokens ({@code token:12}), the
 * operator at the database's terminal, or nobody known (a failed sign-in, a leak report).
 */
public record Actor(String value) {
    public static final Actor SESSION = new Actor("session");
    public static final Actor OPERATOR = new Actor("operator");
    public static final Actor ANONYMOUS = new Actor("anonymous");

    public static Actor token(TokenId token) {
        return new Actor("token:" + token.value());
    }

    /** The actor of a call: its token if it came with one, else its session (at the terminal, address local). */
    public static Actor of(Caller caller) {
        return caller.token().map(Actor::token).orElse(SESSION);
    }
}
