package dev.pat.domain.port.out;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.AttemptPolicy;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts of password and code attempts, shared by every node, so a limit holds however many nodes an attacker
 * reaches; and the addresses each account signed in from.
 */
public interface AttemptCounters {

    /**
     * In one atomic step: if the key must wait, answers until when, counting nothing; otherwise counts this attempt
     * (it stays counted as a failure unless {@link #succeeded} takes it back) and answers empty. Two attempts at once
     * are counted one after the other, so no more pass than the rule allows.
     */
    Optional<Instant> attempt(String key, AttemptPolicy.Rule rule, Instant now);

    /** Takes back one attempt counted under the key; with {@code forget}, the key starts afresh. */
    void succeeded(String key, boolean forget);

    /** Whether the account was signed into from the address at or after that moment. */
    boolean knows(AccountId account, ClientAddress address, Instant since);

    /** Notes a successful sign-in of the account from the address. */
    void remember(AccountId account, ClientAddress address, Instant now);
}
