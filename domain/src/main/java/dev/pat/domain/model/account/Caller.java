package dev.pat.domain.model.account;

import dev.pat.domain.model.token.TokenId;

import java.util.Optional;

/** Who is calling the API and through what: a session, or one of the account's tokens. */
public record Caller(AccountId account, Optional<TokenId> token) {
    public static Caller bySession(AccountId account) {
        return new Caller(account, Optional.empty());
    }

    public static Caller byToken(AccountId account, TokenId token) {
        return new Caller(account, Optional.of(token));
    }

    public boolean viaToken() {
        return token.isPresent();
    }
}
