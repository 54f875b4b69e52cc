package dev.pat.domain.port.out;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where access tokens are kept. A removed or replaced value's digest is retired, not forgotten, so a caller
 * presenting it learns why it no longer works.
 */
public interface TokenStore {

    /** What a digest turns out to be: a live token, a retired value, or nothing known. */
    sealed interface Lookup permits Found, Retired, Unknown {
    }

    record Found(AccessToken token) implements Lookup {
    }

    record Retired(Retirement why, Instant at) implements Lookup {
    }

    record Unknown() implements Lookup {
    }

    /** Why a value stopped working. */
    enum Retirement { REMOVED, REPLACED }

    /** Stores a new token and answers it with its assigned id. */
    AccessToken add(AccessToken token);

    /** The token of that id, whoever owns it: the core checks ownership. */
    Optional<AccessToken> byId(TokenId id);

    /**
     * The hot path: one indexed lookup by digest. A token is found by its value's digest, and also by its previous
     * value's while it has one (the core decides whether that one still works).
     */
    Lookup byDigest(Digest digest);

    List<AccessToken> ofAccount(AccountId owner);

    List<AccessToken> all();

    /**
     * Within a transaction, holds off every other transaction that would change this account's tokens until this
     * one ends, so that a count, a check and a write made after it act on what is really there.
     */
    void lockTokensOf(AccountId owner);

    /** How many tokens the account holds. */
    int countOf(AccountId owner);

    /**
     * Saves a token's description, scope, expiry, policies and when it became active; never its values, whatever
     * the token object holds.
     */
    void saveSettings(AccessToken token);

    /**
     * Gives a token a new value, with the expiry its regeneration decided, and retires the value it held as
     * replaced (still found, as the token's previous value, while its overlap lasts; an earlier previous value is
     * dropped). Refuses (with {@link IllegalStateException}) when the token no longer holds {@code replaced}:
     * callers hold {@link #lockTokensOf} so that it cannot happen.
     */
    void replaceValue(AccessToken renewed, Digest replaced);

    /** Marks the token revoked for a leak, if it still holds {@code value}; every node drops it at once. */
    void revokeForLeak(AccessToken revoked, Digest value);

    /** Drops the token's previous value, if it is still {@code previous}: from now on it is only a retired value. */
    void endGracePeriod(AccessToken token, Digest previous);

    /**
     * Deletes the tokens of those ids that still exist and retires exactly the values they held (a previous value
     * too), as removed.
     */
    void remove(Collection<TokenId> ids);
}
