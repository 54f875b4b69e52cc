package dev.pat.domain.model.account;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.token.EnvRestriction;
import dev.pat.domain.model.token.TokenId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling and through what (a session, or one of the account's tokens), and from where. A token's caller
 * carries what the token is limited to beyond its methods (its environments) and when it expires, so the call can
 * be held to them and warned without another lookup.
 */
public record Caller(AccountId account, Optional<TokenId> token, ClientAddress address, EnvRestriction envs,
                     Optional<Instant> tokenExpiresAt) {
    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }

    public static Caller bySession(AccountId account, ClientAddress address) {
        return new Caller(account, Optional.empty(), address, EnvRestriction.EVERY_ENVIRONMENT, Optional.empty());
    }

    public static Caller byToken(AccountId account, TokenId token, ClientAddress address) {
        return byToken(account, token, address, EnvRestriction.EVERY_ENVIRONMENT, Optional.empty());
    }

    /** A token's caller, limited to the token's environments; {@code expiresAt} is the token's last second. */
    public static Caller byToken(AccountId account, TokenId token, ClientAddress address, EnvRestriction envs,
                                 Optional<Instant> expiresAt) {
        return new Caller(account, Optional.of(token), address, envs, expiresAt);
    }

    /** The operator at the database's own terminal, acting for an account. */
    public static Caller local(AccountId account) {
        return bySession(account, ClientAddress.LOCAL);
    }

    public boolean viaToken() {
        return token.isPresent();
    }

    /** Whether the caller may act on the environment of that name (a session may act on all of its account's). */
    public boolean mayUse(EnvName name) {
        return envs.allows(name);
    }
}
