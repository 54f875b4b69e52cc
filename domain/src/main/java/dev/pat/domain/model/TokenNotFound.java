package dev.pat.domain.model;

import dev.pat.domain.model.token.TokenId;
/** No token with that id belongs to the caller (another account's counts as none). */
public final class TokenNotFound extends PatFailure {
    public TokenNotFound(TokenId id) {
        super("token " + id.value() + " not found");
    }
}
