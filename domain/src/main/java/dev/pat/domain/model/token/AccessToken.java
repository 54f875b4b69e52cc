package dev.pat.domain.model.token;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A personal access token of one account: its description, what it may call, when it expires, and the digest
 * of its value. The value itself is never held here.
 */
public final class AccessToken {

    /** Whether a token still works, as the list shows it. */
    public enum Status { ACTIVE, EXPIRED }

    private final TokenId id;
    private final AccountId owner;
    private final Description description;
    private final Scope scope;
    private final Optional<Expiry> expiry;
    private final Instant createdOn;
    private final Optional<Instant> lastUsed;
    private final Digest digest;
    private final TokenHint hint;

    private AccessToken(TokenId id, AccountId owner, Description description, Scope scope, Optional<Expiry> expiry,
                        Instant createdOn, Optional<Instant> lastUsed, Digest digest, TokenHint hint) {
        this.id = id;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.description = Objects.requireNonNull(description, "description");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
        this.lastUsed = Objects.requireNonNull(lastUsed, "lastUsed");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /**
     * A new token for a freshly generated value; the store assigns its id. Its expiry follows the policy: the date
     * asked, or by default the longest lifetime allowed (none: it never expires).
     */
    public static AccessToken generate(AccountId owner, Description description, Scope scope, Optional<Expiry> expiry,
                                       TokenValue value, ExpiryPolicy expiries, Instant now) {
        return new AccessToken(null, owner, description, scope, expiries.forNew(expiry, now), now,
                Optional.empty(), value.digest(), value.hint());
    }

    /** A new token with an expiry date asked. */
    public static AccessToken generate(AccountId owner, Description description, Scope scope, Expiry expiry,
                                       TokenValue value, ExpiryPolicy expiries, Instant now) {
        return generate(owner, description, scope, Optional.of(expiry), value, expiries, now);
    }

    /** A token as it was stored. */
    public static AccessToken rebuild(TokenId id, AccountId owner, Description description, Scope scope,
                                      Optional<Expiry> expiry, Instant createdOn, Optional<Instant> lastUsed,
                                      Digest digest, TokenHint hint) {
        return new AccessToken(Objects.requireNonNull(id, "id"), owner, description, scope, expiry, createdOn,
                lastUsed, digest, hint);
    }

    public AccessToken withId(TokenId assigned) {
        if (id != null) {
            throw new IllegalStateException("token already has id " + id.value());
        }
        return new AccessToken(assigned, owner, description, scope, expiry, createdOn, lastUsed, digest, hint);
    }

    /** Changes any of description, scope and expiry; the value stays. */
    public AccessToken edit(Optional<Description> newDescription, Optional<Scope> newScope,
                            Optional<Expiry> newExpiry, ExpiryPolicy expiries, Instant now) {
        return new AccessToken(id, owner, newDescription.orElse(description), newScope.orElse(scope),
                expiries.forChange(newExpiry, now).or(() -> expiry), createdOn, lastUsed, digest, hint);
    }

    /** The same token with a new value: every other setting kept, the expiry as the policy decides. */
    public AccessToken regenerate(TokenValue value, Optional<Expiry> newExpiry, ExpiryPolicy expiries,
                                  Instant now) {
        return new AccessToken(id, owner, description, scope, expiries.forRegeneration(expiry, newExpiry, now),
                createdOn, lastUsed, value.digest(), value.hint());
    }

    /** A new token with this one's API set, methods and expiry ("Copy" in the dashboard). */
    public AccessToken copy(Optional<Description> newDescription, Optional<Expiry> newExpiry, TokenValue value,
                            ExpiryPolicy expiries, Instant now) {
        return new AccessToken(null, owner, newDescription.orElseGet(description::copy), scope,
                expiries.forCopy(expiry, newExpiry, now), now, Optional.empty(), value.digest(), value.hint());
    }

    public boolean isOwnedBy(AccountId account) {
        return owner.equals(account);
    }

    public Status status(Instant now) {
        return hasExpired(now) ? Status.EXPIRED : Status.ACTIVE;
    }

    public AccessToken withLastUsed(Instant at) {
        return new AccessToken(id, owner, description, scope, expiry, createdOn, Optional.of(at), digest, hint);
    }

    public TokenId id() {
        return id;
    }

    public AccountId owner() {
        return owner;
    }

    public Description description() {
        return description;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether the token's expiry has passed (a token without one never expires). */
    public boolean hasExpired(Instant now) {
        return expiry.isPresent() && expiry.get().hasPassed(now);
    }

    /** When the token stops working, if ever. */
    public Optional<Expiry> expiry() {
        return expiry;
    }

    public Instant createdOn() {
        return createdOn;
    }

    public Optional<Instant> lastUsed() {
        return lastUsed;
    }

    public Digest digest() {
        return digest;
    }

    public TokenHint hint() {
        return hint;
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + (id == null ? "new" : id.value()) + ", owner=" + owner.value()
                + ", hint=" + hint.value() + "]";
    }
}
