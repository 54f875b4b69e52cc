package dev.pat.domain.model.account;

import java.time.Duration;

/**
 * How guesses at a password or a two-factor code are limited, so that a stranger can slow an attacker down without
 * locking the owner out. Every attempt counts against its client address, against the login from that address, and,
 * when the account was never signed into from that address, against the login from anywhere. Each count allows
 * some attempts freely within a window, then makes each next attempt wait twice as long as the one before. A success
 * forgets the login's count from that address; it does not clear the address's own count.
 *
 * @param perLoginAndAddress one login, from one address: an attacker at one place
 * @param perAddress         one address, whatever login: one place trying many accounts
 * @param perLogin           one login, from addresses it never signed in from: many places trying one account
 * @param knownAddressFor    how long an address stays known after a successful sign-in from it
 */
public record AttemptPolicy(Rule perLoginAndAddress, Rule perAddress, Rule perLogin, Duration knownAddressFor) {
    public static final AttemptPolicy STANDARD = new AttemptPolicy(
            new Rule(5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15)),
            new Rule(20, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15)),
            new Rule(50, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15)),
            Duration.ofDays(90));

    /** A policy that never makes anyone wait, for load tests of other things. */
    public static AttemptPolicy unlimited() {
        Rule free = new Rule(Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new AttemptPolicy(free, free, free, Duration.ofDays(1));
    }

    /**
     * One count's limit.
     *
     * @param free        attempts allowed without waiting within the window
     * @param window      how long attempts are counted from the first one
     * @param firstWait   the wait once the free attempts are used up; each further attempt doubles it
     * @param longestWait the longest wait
     */
    public record Rule(int free, Duration window, Duration firstWait, Duration longestWait) {
        public Rule {
            if (free < 1 || window.isNegative() || window.isZero() || firstWait.isNegative() || firstWait.isZero()
                    || longestWait.compareTo(firstWait) < 0) {
                throw new IllegalArgumentException("at least one free attempt, a positive window and waits");
            }
        }

        /** How long the next attempt must wait after this many attempts in the window. */
        public Duration waitAfter(int attempts) {
            if (attempts < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(attempts - free, 30);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }
}
