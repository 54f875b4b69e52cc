package dev.pat.app;

import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.model.token.PolicyLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an operator can set, under {@code pat.}: as properties, {@code --pat.x=y} arguments, or environment
 * variables ({@code PAT_DB_URL} for {@code pat.db.url}). Each part refuses a value that makes no sense, naming it,
 * so a misconfigured node stops at start rather than misbehaving later.
 *
 * @param db             where the data is
 * @param platformDomain the domain environments live under ({@code my-project.DOMAIN})
 * @param argon2         how hard password hashing works
 * @param totp           how authenticator apps name the account
 * @param session        how long sign-in sessions live
 * @param lastUsed       how often last-used times are written
 * @param cache          how many verified tokens each node keeps in memory
 * @param tokens         what every token must respect
 * @param limits         how many calls a minute, shared by every node
 * @param attempts       how guesses at passwords and codes are slowed down
 * @param http           what a request may hold, and whose word on its origin is believed
 * @param audit          how long the audit trail is kept
 * @param secretKey      the key sealing two-factor secrets, Base64 of 32 bytes ({@code PAT_SECRET_KEY}); the same
 *                       on every node of one database; when not set, one is generated into the data directory
 * @param dataDir        where PAT keeps its files (the generated secret key); the SQLite file's folder by default,
 *                       {@code ./data} with PostgreSQL
 */
@ConfigurationProperties("pat")
public record PatProperties(@DefaultValue Db db, @DefaultValue("pat.local") String platformDomain,
                            @DefaultValue Argon2 argon2, @DefaultValue Totp totp, @DefaultValue Session session,
                            @DefaultValue LastUsed lastUsed, @DefaultValue Cache cache, @DefaultValue Tokens tokens,
                            @DefaultValue Limits limits, @DefaultValue Attempts attempts, @DefaultValue Http http,
                            @DefaultValue Audit audit, String secretKey, String dataDir) {

    @Override
    public String toString() {
        return "PatProperties[db=" + db + ", platformDomain=" + platformDomain + ", secretKey=[redacted]]";
    }

    /** The folder for PAT's own files: as set, or the SQLite file's, or {@code ./data}. */
    public Path dataDirectory() {
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        String url = db.url();
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", "");
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
                Path parent = Path.of(file).toAbsolutePath().getParent();
                if (parent != null) {
                    return parent;
                }
            }
        }
        return Path.of("data");
    }

    /**
     * The database.
     *
     * @param url      a JDBC URL: {@code jdbc:sqlite:FILE} (the embedded default) or {@code jdbc:postgresql://HOST/DB}
     * @param user     the database user, if not in the URL
     * @param password the database password, if not in the URL
     */
    public record Db(@DefaultValue("jdbc:sqlite:./data/pat.db") String url, String user, String password) {
        public Db {
            if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
                throw new IllegalArgumentException("pat.db.url must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
            }
        }

        @Override
        public String toString() {
            return "Db[url=" + url.replaceAll("\\?.*", "") + ", user=" + user + ", password=[redacted]]";
        }
    }

    /**
     * Argon2id, OWASP's minimum by default; raise them and old hashes are upgraded at the next successful check.
     *
     * @param memoryKib   memory per hash, in KiB (at least 19456)
     * @param iterations  passes over the memory (at least 2)
     * @param parallelism lanes (at least 1)
     * @param maxConcurrent hashes that may run at once (0: one per processor), each holding its memory
     * @param maxQueued   hashes that may wait for one of those; beyond, the caller is told to retry (707)
     * @param maxWait     the longest a hash waits in line before the caller is told to retry
     */
    public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
                         @DefaultValue("1") int parallelism, @DefaultValue("0") int maxConcurrent,
                         @DefaultValue("32") int maxQueued, @DefaultValue("2s") Duration maxWait) {
        public Argon2 {
            if (memoryKib < 19_456 || iterations < 2 || parallelism < 1) {
                throw new IllegalArgumentException("pat.argon2 below OWASP's minimum (memory-kib 19456,"
                        + " iterations 2, parallelism 1)");
            }
            if (maxConcurrent < 0 || maxQueued < 0 || maxWait.isNegative()) {
                throw new IllegalArgumentException("pat.argon2.max-concurrent, max-queued and max-wait must not be"
                        + " negative");
            }
        }

        /** Hashes at once: as set, or one per processor. */
        public int concurrency() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * Two-factor authentication.
     *
     * @param issuer the name authenticator apps show for the account
     */
    public record Totp(@DefaultValue("PAT") String issuer) {
        public Totp {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("pat.totp.issuer must not be blank");
            }
        }
    }

    /**
     * Sign-in sessions.
     *
     * @param idle     a session ends after this long unused
     * @param absolute a session ends this long after sign-in, used or not
     */
    public record Session(@DefaultValue("2h") Duration idle, @DefaultValue("24h") Duration absolute) {
        public Session {
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("pat.session.idle must be positive and not above"
                        + " pat.session.absolute");
            }
        }
    }

    /**
     * The audit trail.
     *
     * @param retention how long events are kept; older ones are deleted, in batches, every hour
     */
    public record Audit(@DefaultValue("400d") Duration retention) {
        public Audit {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("pat.audit.retention must be positive");
            }
        }
    }

    /**
     * Last-used times, noted in memory on every call and written in batches.
     *
     * @param flushInterval how often they are written (and so, at most, what a crash loses)
     */
    public record LastUsed(@DefaultValue("5s") Duration flushInterval) {
        public LastUsed {
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("pat.last-used.flush-interval must be positive");
            }
        }
    }

    /**
     * The hot path's cache.
     *
     * @param tokens how many verified tokens each node keeps in memory
     * @param maxAge the longest a verified token stays cached before it is read again: a safety net only, as every
     *               change reaches every node's cache at once
     */
    public record Cache(@DefaultValue("100000") int tokens, @DefaultValue("5m") Duration maxAge) {
        public Cache {
            if (tokens < 100) {
                throw new IllegalArgumentException("pat.cache.tokens must be at least 100");
            }
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("pat.cache.max-age must be positive");
            }
        }
    }

    /**
     * What every token must respect, and the defaults of its policies.
     *
     * @param maxLifetime      the longest a token may live from the day it is given a date; empty or 0 for no maximum
     * @param defaultRateLimit calls a minute of a token that sets no rateLimit; empty: pat.limits.calls-per-token
     *                         (which is also the most a token may set)
     * @param idleDays         the idleDays a new token gets when it sets none; empty: tokens never go idle
     * @param warnBefore       how long before its expiry a token is listed as expiring soon
     */
    public record Tokens(@DefaultValue("366d") Duration maxLifetime, Integer defaultRateLimit, Integer idleDays,
                         @DefaultValue("7d") Duration warnBefore) {
        public Tokens {
            if (defaultRateLimit != null && defaultRateLimit < 1) {
                throw new IllegalArgumentException("pat.tokens.default-rate-limit must be positive");
            }
            if (idleDays != null && (idleDays < 1 || idleDays > PolicyLimits.MAX_IDLE_DAYS)) {
                throw new IllegalArgumentException("pat.tokens.idle-days must be 1 to " + PolicyLimits.MAX_IDLE_DAYS);
            }
            if (warnBefore != null && warnBefore.isNegative()) {
                throw new IllegalArgumentException("pat.tokens.warn-before must not be negative");
            }
        }

        /** The maximum, if the operator set one. */
        public Optional<Duration> maximum() {
            return Optional.ofNullable(maxLifetime).filter(d -> !d.isZero() && !d.isNegative());
        }

        /** The bounds of token policies, with the most calls a minute any token may make. */
        public PolicyLimits policyLimits(int maxRateLimit) {
            int rate = defaultRateLimit == null ? maxRateLimit : defaultRateLimit;
            if (rate > maxRateLimit) {
                throw new IllegalArgumentException("pat.tokens.default-rate-limit (" + rate
                        + ") is above pat.limits.calls-per-token (" + maxRateLimit + ")");
            }
            return new PolicyLimits(rate, maxRateLimit, Optional.ofNullable(idleDays),
                    warnBefore == null ? Duration.ofDays(7) : warnBefore);
        }
    }

    /**
     * Calls a minute, shared by every node (approximately: see README).
     *
     * @param unauthenticatedPerAddress calls from one address without valid credentials, sign-ins included
     * @param callsPerToken             calls with one token
     */
    public record Limits(@DefaultValue("300") int unauthenticatedPerAddress,
                         @DefaultValue("6000") int callsPerToken) {
        public Limits {
            if (unauthenticatedPerAddress < 1 || callsPerToken < 1) {
                throw new IllegalArgumentException("pat.limits.* must be positive");
            }
        }
    }

    /**
     * What a request may hold.
     *
     * @param maxBody        the largest body, of any content type, refused before it is read
     * @param bodyTimeout    how long a body may take to arrive (it is read without holding a worker thread)
     * @param maxParameters  the most parameters, query and body together
     * @param trustedProxies proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default
     */
    public record Http(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("10s") Duration bodyTimeout,
                       @DefaultValue("256") int maxParameters, @DefaultValue List<String> trustedProxies) {
    }

    /**
     * How guesses at passwords and two-factor codes are slowed down, the same on every node: some attempts are free
     * within the window, then each waits twice as long as the one before, up to the longest wait.
     *
     * @param freePerLoginAndAddress attempts at one login from one address
     * @param freePerAddress         attempts from one address, whatever the login
     * @param freePerLogin           attempts at one login from addresses it never signed in from
     * @param window                 how long attempts are counted
     * @param firstWait              the first wait once the free attempts are used up
     * @param longestWait            the longest wait
     * @param knownAddressFor        how long an address an account signed in from stays known
     */
    public record Attempts(@DefaultValue("5") int freePerLoginAndAddress, @DefaultValue("20") int freePerAddress,
                           @DefaultValue("50") int freePerLogin, @DefaultValue("15m") Duration window,
                           @DefaultValue("1s") Duration firstWait, @DefaultValue("15m") Duration longestWait,
                           @DefaultValue("90d") Duration knownAddressFor) {
        /** The policy these settings describe; refuses settings that make no sense, naming them. */
        public AttemptPolicy policy() {
            try {
                return new AttemptPolicy(rule(freePerLoginAndAddress), rule(freePerAddress), rule(freePerLogin),
                        knownAddressFor);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pat.attempts: " + e.getMessage(), e);
            }
        }

        private AttemptPolicy.Rule rule(int free) {
            return new AttemptPolicy.Rule(free, window, firstWait, longestWait);
        }
    }
}
