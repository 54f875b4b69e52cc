package dev.pat.domain.model.account;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.token.TokenId;

import java.util.Optional;

/** Who is calling and through what (a session, or one of the account's tokens), and from where. */
public record Caller(AccountId account, Optional<TokenId> token, ClientAddress address) {
    public static Caller bySession(AccountId account, ClientAddress address) {
        return new Caller(account, Optional.empty(), address);
    }

    public static Caller byToken(AccountId account, TokenId token, ClientAddress address) {
        return new Caller(account, Optional.of(token), address);
    }

    /** The operator at the database's own terminal, acting for an account. */
    public static Caller local(AccountId account) {
        return bySession(account, ClientAddress.LOCAL);
    }

    public boolean viaToken() {
        return token.isPresent();
    }
}
