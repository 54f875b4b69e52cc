package dev.pat.domain.model.token;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A personal access token of one account: its description, what it may call, when it expires, its policies, and
 * the digest of its value (and, during a rotation's overlap, of its previous value). The values themselves are
 * never held here.
 */
public final class AccessToken {

    /** Whether a token still works, as the list shows it. */
    public enum Status { ACTIVE, EXPIRED, IDLE_EXPIRED, REVOKED_FOR_LEAK }

    /** Which of the token's values a presented digest is. */
    public enum Match { CURRENT, PREVIOUS, PREVIOUS_ENDED, NONE }

    private final TokenId id;
    private final AccountId owner;
    private final Description description;
    private final Scope scope;
    private final Optional<Expiry> expiry;
    private final TokenPolicies policies;
    private final Instant createdOn;
    private final Instant activeSince;
    private final Optional<Instant> lastUsed;
    private final Digest digest;
    private final TokenHint hint;
    private final Optional<PreviousValue> previous;
    private final Optional<Instant> revokedForLeak;

    private AccessToken(TokenId id, AccountId owner, Description description, Scope scope, Optional<Expiry> expiry,
                        TokenPolicies policies, Instant createdOn, Instant activeSince, Optional<Instant> lastUsed,
                        Digest digest, TokenHint hint, Optional<PreviousValue> previous,
                        Optional<Instant> revokedForLeak) {
        this.revokedForLeak = Objects.requireNonNull(revokedForLeak, "revokedForLeak");
        this.id = id;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.description = Objects.requireNonNull(description, "description");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
        this.activeSince = Objects.requireNonNull(activeSince, "activeSince");
        this.lastUsed = Objects.requireNonNull(lastUsed, "lastUsed");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.previous = Objects.requireNonNull(previous, "previous");
    }

    /**
     * A new token for a freshly generated value; the store assigns its id. Its expiry follows the policy: the date
     * asked, or by default the longest lifetime allowed (none: it never expires).
     */
    public static AccessToken generate(AccountId owner, Description description, Scope scope, Optional<Expiry> expiry,
                                       TokenPolicies policies, TokenValue value, ExpiryPolicy expiries, Instant now) {
        return new AccessToken(null, owner, description, scope, expiries.forNew(expiry, now), policies, now, now,
                Optional.empty(), value.digest(), value.hint(), Optional.empty(), Optional.empty());
    }

    /** A new token with an expiry date asked and the seed's policies. */
    public static AccessToken generate(AccountId owner, Description description, Scope scope, Expiry expiry,
                                       TokenValue value, ExpiryPolicy expiries, Instant now) {
        return generate(owner, description, scope, Optional.of(expiry), TokenPolicies.NONE, value, expiries, now);
    }

    /** A token as it was stored. */
    public static AccessToken rebuild(TokenId id, AccountId owner, Description description, Scope scope,
                                      Optional<Expiry> expiry, TokenPolicies policies, Instant createdOn,
                                      Instant activeSince, Optional<Instant> lastUsed, Digest digest, TokenHint hint,
                                      Optional<PreviousValue> previous, Optional<Instant> revokedForLeak) {
        return new AccessToken(Objects.requireNonNull(id, "id"), owner, description, scope, expiry, policies,
                createdOn, activeSince, lastUsed, digest, hint, previous, revokedForLeak);
    }

    public AccessToken withId(TokenId assigned) {
        if (id != null) {
            throw new IllegalStateException("token already has id " + id.value());
        }
        return new AccessToken(assigned, owner, description, scope, expiry, policies, createdOn, activeSince,
                lastUsed, digest, hint, previous, revokedForLeak);
    }

    /** Changes any of description, scope, expiry and policies; the value stays. An edit revives an idle token. */
    public AccessToken edit(Optional<Description> newDescription, Optional<Scope> newScope,
                            Optional<Expiry> newExpiry, TokenPolicies newPolicies, ExpiryPolicy expiries,
                            Instant now) {
        return new AccessToken(id, owner, newDescription.orElse(description), newScope.orElse(scope),
                expiries.forChange(newExpiry, now).or(() -> expiry), newPolicies, createdOn, now, lastUsed, digest,
                hint, previous, revokedForLeak);
    }

    /** Changes any of description, scope and expiry, keeping the policies. */
    public AccessToken edit(Optional<Description> newDescription, Optional<Scope> newScope,
                            Optional<Expiry> newExpiry, ExpiryPolicy expiries, Instant now) {
        return edit(newDescription, newScope, newExpiry, policies, expiries, now);
    }

    /**
     * The same token with a new value: every other setting kept, the expiry as the policy decides. With a grace
     * period the value it held keeps working until then (a rotation's overlap); without one it dies at once, as the
     * seed says. A value still in an earlier overlap is dropped: only one previous value works at a time.
     */
    public AccessToken regenerate(TokenValue value, Optional<Expiry> newExpiry, Duration gracePeriod,
                                  ExpiryPolicy expiries, Instant now) {
        Optional<PreviousValue> old = gracePeriod.isZero() ? Optional.empty()
                : Optional.of(new PreviousValue(digest, hint, now.plus(gracePeriod), Optional.empty()));
        return new AccessToken(id, owner, description, scope, expiries.forRegeneration(expiry, newExpiry, now),
                policies, createdOn, now, lastUsed, value.digest(), value.hint(), old, Optional.empty());
    }

    /** As {@link #regenerate(TokenValue, Optional, Duration, ExpiryPolicy, Instant)}, the old value dying at once. */
    public AccessToken regenerate(TokenValue value, Optional<Expiry> newExpiry, ExpiryPolicy expiries,
                                  Instant now) {
        return regenerate(value, newExpiry, Duration.ZERO, expiries, now);
    }

    /** The same token with its previous value no longer working: the overlap ended early. */
    public AccessToken endGracePeriod() {
        return new AccessToken(id, owner, description, scope, expiry, policies, createdOn, activeSince, lastUsed,
                digest, hint, Optional.empty(), revokedForLeak);
    }

    /**
     * The same token, its value known to have leaked: it stops working, and stays listed as revoked for a leak until
     * it is regenerated (an edit does not revive it: the value is still out there).
     */
    public AccessToken revokeForLeak(Instant at) {
        return new AccessToken(id, owner, description, scope, expiry, policies, createdOn, activeSince, lastUsed,
                digest, hint, Optional.empty(), Optional.of(at));
    }

    /** A new token with this one's API set, methods, policies and expiry ("Copy" in the dashboard). */
    public AccessToken copy(Optional<Description> newDescription, Optional<Expiry> newExpiry,
                            TokenPolicies newPolicies, TokenValue value, ExpiryPolicy expiries, Instant now) {
        return new AccessToken(null, owner, newDescription.orElseGet(description::copy), scope,
                expiries.forCopy(expiry, newExpiry, now), newPolicies, now, now, Optional.empty(), value.digest(),
                value.hint(), Optional.empty(), Optional.empty());
    }

    /** A copy keeping this token's policies. */
    public AccessToken copy(Optional<Description> newDescription, Optional<Expiry> newExpiry, TokenValue value,
                            ExpiryPolicy expiries, Instant now) {
        return copy(newDescription, newExpiry, policies, value, expiries, now);
    }

    public boolean isOwnedBy(AccountId account) {
        return owner.equals(account);
    }

    /** Which of this token's values the digest is, and whether a previous value still works at {@code now}. */
    public Match match(Digest presented, Instant now) {
        if (digest.equals(presented)) {
            return Match.CURRENT;
        }
        if (previous.isPresent() && previous.get().digest().equals(presented)) {
            return previous.get().worksAt(now) ? Match.PREVIOUS : Match.PREVIOUS_ENDED;
        }
        return Match.NONE;
    }

    public Status status(Instant now) {
        if (revokedForLeak.isPresent()) {
            return Status.REVOKED_FOR_LEAK;
        }
        if (hasExpired(now)) {
            return Status.EXPIRED;
        }
        return isIdle(now) ? Status.IDLE_EXPIRED : Status.ACTIVE;
    }

    /** Whether it sat unused for longer than its idle days (since it was generated, edited or regenerated). */
    public boolean isIdle(Instant now) {
        return policies.idleAt(lastActive(), now);
    }

    /** When it last did anything: its last use, or when it was generated, edited or regenerated if later. */
    public Instant lastActive() {
        return lastUsed.filter(used -> used.isAfter(activeSince)).orElse(activeSince);
    }

    /** Whether it still works but expires within {@code warning} of {@code now}. */
    public boolean expiresWithin(Duration warning, Instant now) {
        return expiry.isPresent() && !hasExpired(now) && expiry.get().end().isBefore(now.plus(warning).plusNanos(1));
    }

    public AccessToken withLastUsed(Instant at) {
        return new AccessToken(id, owner, description, scope, expiry, policies, createdOn, activeSince,
                Optional.of(at), digest, hint, previous, revokedForLeak);
    }

    /** The same token, its previous value last used at {@code at}. */
    public AccessToken withPreviousLastUsed(Instant at) {
        return new AccessToken(id, owner, description, scope, expiry, policies, createdOn, activeSince, lastUsed,
                digest, hint, previous.map(p -> new PreviousValue(p.digest(), p.hint(), p.worksUntil(),
                Optional.of(at))), revokedForLeak);
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

    public TokenPolicies policies() {
        return policies;
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

    /** When it was generated, or last edited or regenerated: where its idle time counts from. */
    public Instant activeSince() {
        return activeSince;
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

    /** The value it held before its last regeneration, while that one still may work (or until replaced again). */
    public Optional<PreviousValue> previous() {
        return previous;
    }

    /** When its value was reported leaked and it stopped working, if it was. */
    public Optional<Instant> revokedForLeak() {
        return revokedForLeak;
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + (id == null ? "new" : id.value()) + ", owner=" + owner.value()
                + ", hint=" + hint.value() + "]";
    }
}
