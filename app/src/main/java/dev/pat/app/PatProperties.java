package dev.pat.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

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
 */
@ConfigurationProperties("pat")
public record PatProperties(@DefaultValue Db db, @DefaultValue("pat.local") String platformDomain,
                            @DefaultValue Argon2 argon2, @DefaultValue Totp totp, @DefaultValue Session session,
                            @DefaultValue LastUsed lastUsed, @DefaultValue Cache cache) {

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
     */
    public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
                         @DefaultValue("1") int parallelism) {
        public Argon2 {
            if (memoryKib < 19_456 || iterations < 2 || parallelism < 1) {
                throw new IllegalArgumentException("pat.argon2 below OWASP's minimum (memory-kib 19456,"
                        + " iterations 2, parallelism 1)");
            }
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
                throw new IllegalArgumentException("pat.session.idle must be positive and not above pat.session.absolute");
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
}
