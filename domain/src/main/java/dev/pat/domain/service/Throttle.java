package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link AttemptPolicy} to a password or code attempt: counts it, before it is checked, under every
 * count that applies (so parallel guesses are counted one by one), and refuses it while one of them must wait. A
 * success takes the attempt back. Counts live in the {@link AttemptCounters}, shared by every node.
 */
final class Throttle {
    private final AttemptCounters counters;
    private final AttemptPolicy policy;
    private final Clock clock;

    /** An attempt under way: the counts it was counted under. */
    record Attempt(Optional<AccountId> account, ClientAddress address, List<String> keys) {
    }

    Throttle(AttemptCounters counters, AttemptPolicy policy, Clock clock) {
        this.counters = counters;
        this.policy = policy;
        this.clock = clock;
    }

    /** Counts an attempt at the login's password or code from the address; refuses it if it must wait. */
    Attempt begin(Login login, Optional<AccountId> account, ClientAddress address) {
        Instant now = clock.now();
        List<String> keys = new ArrayList<>(List.of(addressKey(address), pairKey(login, address)));
        List<AttemptPolicy.Rule> rules = new ArrayList<>(List.of(policy.perAddress(), policy.perLoginAndAddress()));
        boolean known = account.isPresent()
                && counters.knows(account.get(), address, now.minus(policy.knownAddressFor()));
        if (!known) {
            keys.add(loginKey(login));
            rules.add(policy.perLogin());
        }
        for (int i = 0; i < keys.size(); i++) {
            Optional<Instant> waitUntil = counters.attempt(keys.get(i), rules.get(i), now);
            if (waitUntil.isPresent()) {
                // the counts already taken for this attempt are given back: it was not made
                keys.subList(0, i).forEach(key -> counters.succeeded(key, false));
                throw new TooManyAttempts(Duration.between(now, waitUntil.get()));
            }
        }
        return new Attempt(account, address, List.copyOf(keys));
    }

    /** The attempt was right: it does not count, the login starts afresh from that address, which becomes known. */
    void succeeded(Attempt attempt) {
        for (String key : attempt.keys()) {
            counters.succeeded(key, key.startsWith("pair:"));
        }
        attempt.account().ifPresent(a -> counters.remember(a, attempt.address(), clock.now()));
    }

    private static String addressKey(ClientAddress address) {
        return "address:" + address.value();
    }

    private static String pairKey(Login login, ClientAddress address) {
        return "pair:" + login.value() + "|" + address.value();
    }

    private static String loginKey(Login login) {
        return "login:" + login.value();
    }
}
