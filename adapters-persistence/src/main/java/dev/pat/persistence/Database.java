package dev.pat.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.CallCounter;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The persistence adapter's front door: opens SQLite or PostgreSQL from a JDBC URL, brings the schema up to
 * date with Flyway, and hands out the stores behind the core's outgoing ports.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final BatchedUsageRecorder usage;
    private final CachingTokenStore tokens;
    private final CachingSessionStore sessions;
    private final CachingEnvironmentStore environments;
    private final FollowedCache<Session> cachedSessions;
    private final FollowedCache<Environment> cachedEnvironments;
    private final TokenEventFeed feed;
    private final SecretSealer sealer;
    private final JdbiAttemptCounters attempts;
    private final SharedCallCounter calls;
    private final JdbiAuditTrail audit;
    private final String schemaVersion;

    /**
     * How this node keeps what it can in memory.
     *
     * @param usageFlushInterval how often last-used times noted in memory are written (what a crash loses)
     * @param cachedTokens       how many verified tokens (and retired values) the cache holds; signed-in sessions
     *                           and environments are cached too, a tenth as many of each (at least 1,000)
     * @param cacheMaxAge        the longest an entry stays cached: a safety net, as changes reach the cache at once
     * @param secretKey          the 256-bit key that seals the secrets PAT must read back (two-factor secrets); the
     *                           same on every node of one database
     * @param auditRetention     how long audit events are kept
     */
    public record Settings(Duration usageFlushInterval, int cachedTokens, Duration cacheMaxAge, byte[] secretKey,
                           Duration auditRetention) {
        public static final Duration AUDIT_RETENTION = Duration.ofDays(400);

        public Settings {
            if (secretKey == null || secretKey.length != 32) {
                throw new IllegalArgumentException("the secret key has 32 bytes (256 bits)");
            }
            secretKey = secretKey.clone();
            if (auditRetention == null || auditRetention.isNegative() || auditRetention.isZero()) {
                throw new IllegalArgumentException("the audit retention must be positive");
            }
        }

        public Settings(Duration usageFlushInterval, int cachedTokens, Duration cacheMaxAge, byte[] secretKey) {
            this(usageFlushInterval, cachedTokens, cacheMaxAge, secretKey, AUDIT_RETENTION);
        }

        /** The usual settings, with this key. */
        public static Settings standard(byte[] secretKey) {
            return new Settings(Duration.ofSeconds(5), 100_000, Duration.ofMinutes(5), secretKey);
        }

        @Override
        public String toString() {
            return "Settings[usageFlushInterval=" + usageFlushInterval + ", cachedTokens=" + cachedTokens
                    + ", cacheMaxAge=" + cacheMaxAge + ", secretKey=[redacted], auditRetention=" + auditRetention
                    + "]";
        }
    }

    private Database(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                     Settings settings) {
        this.dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.prepare(jdbcUrl));
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 16);
        config.setPoolName("pat-" + dialect.name().toLowerCase());
        dialect.settle(config.getJdbcUrl());
        this.dataSource = new HikariDataSource(config);
        this.jdbi = Jdbi.create(dataSource);
        this.sealer = new SecretSealer(settings.secretKey());
        try {
            this.schemaVersion = migrate(jdbi, dataSource, dialect);
            sealWithThisKey(jdbi, sealer);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.transactions = new JdbiTransactions(jdbi);
        this.usage = new BatchedUsageRecorder(jdbi, settings.usageFlushInterval());
        AtomicBoolean trusted = new AtomicBoolean(false);
        AtomicReference<DigestCache> caches = new AtomicReference<>();
        DigestChanges changes = new DigestChanges(transactions, dialect, clock::now,
                digest -> caches.get().invalidate(digest));
        this.tokens = new CachingTokenStore(new JdbiTokenStore(transactions, dialect, usage, clock::now, changes),
                settings.cachedTokens(), settings.cacheMaxAge(), trusted);
        int rows = Math.max(1_000, settings.cachedTokens() / 10);
        this.cachedSessions = new FollowedCache<>(rows, settings.cacheMaxAge(), trusted, transactions);
        this.cachedEnvironments = new FollowedCache<>(rows, settings.cacheMaxAge(), trusted, transactions);
        this.sessions = new CachingSessionStore(new JdbiSessionStore(transactions, changes), cachedSessions);
        this.environments = new CachingEnvironmentStore(new JdbiEnvironmentStore(transactions, changes),
                cachedEnvironments);
        caches.set(DigestCache.all(List.of(tokens, cachedSessions, cachedEnvironments)));
        this.feed = new TokenEventFeed(jdbi, caches.get(), trusted, new TokenEventFeed.Target(dialect, jdbcUrl,
                user, password), clock);
        this.attempts = new JdbiAttemptCounters(jdbi, transactions);
        this.calls = new SharedCallCounter(jdbi, clock::now);
        this.audit = new JdbiAuditTrail(transactions, clock::now, settings.usageFlushInterval(),
                settings.auditRetention());
    }

    /** Opens (and migrates) the database at that URL; user and password may also be in the URL. */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                                Settings settings) {
        return new Database(jdbcUrl, user, password, clock, settings);
    }

    /**
     * Makes sure the database's secrets are sealed with this node's key: the first node to open it records a check
     * value of its key; a node with another key is refused, rather than failing every two-factor sign-in later;
     * secrets stored before sealing existed are sealed now.
     */
    private static void sealWithThisKey(Jdbi jdbi, SecretSealer sealer) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO settings (name, value) VALUES ('secret-key-check', :check)"
                    + " ON CONFLICT (name) DO NOTHING").bind("check", sealer.keyCheck()).execute();
            String recorded = h.createQuery("SELECT value FROM settings WHERE name = 'secret-key-check'")
                    .mapTo(String.class).one();
            if (!recorded.equals(sealer.keyCheck())) {
                throw new IllegalStateException("pat.secret-key: this node's secret key is not the one this database's"
                        + " secrets are sealed with; give every node of one database the same PAT_SECRET_KEY");
            }
            List<Map<String, Object>> clear = h.createQuery("SELECT id, totp_secret FROM accounts"
                    + " WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'").mapToMap().list();
            for (Map<String, Object> row : clear) {
                h.createUpdate("UPDATE accounts SET totp_secret = :sealed WHERE id = :id")
                        .bind("sealed", sealer.seal((String) row.get("totp_secret")))
                        .bind("id", ((Number) row.get("id")).longValue()).execute();
            }
        });
    }

    /**
     * Migrates the schema unless it is current (the usual start, where Flyway would find nothing to do: it is not
     * even loaded, see {@link ShippedMigrations}); answers the version it is at now, the newest this node knows.
     */
    private static String migrate(Jdbi jdbi, DataSource dataSource, Dialect dialect) {
        ShippedMigrations shipped = ShippedMigrations.load();
        if (shipped.appliedIn(jdbi)) {
            return shipped.newest();
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("identity", dialect.identity))
                .load();
        flyway.migrate();
        return flyway.info().current().getVersion().getVersion();
    }

    /**
     * Whether the schema is the one this node was built for: every migration it knows applied, and none it does not
     * know (a database restored from before, or migrated by a newer node, is not).
     */
    public boolean schemaIsCurrent() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL ORDER BY installed_rank DESC").mapTo(String.class).findFirst())
                    .map(schemaVersion::equals).orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The schema version this node migrated the database to. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public Transactions transactions() {
        return transactions;
    }

    public AccountStore accounts() {
        return new JdbiAccountStore(transactions, sealer);
    }

    public SessionStore sessions() {
        return sessions;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public EnvironmentStore environments() {
        return environments;
    }

    public UsageRecorder usage() {
        return usage;
    }

    public AttemptCounters attempts() {
        return attempts;
    }

    public CallCounter calls() {
        return calls;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** Writes every token use counted so far (the current minute too), rather than each minute once it is over. */
    public int flushAudit() {
        return audit.flush(true);
    }

    /** Deletes the audit events older than the retention now, rather than at the hourly pace; answers how many. */
    public int pruneAudit() {
        return audit.prune();
    }

    /** Shares this node's call counts now, rather than at the counter's pace. */
    public void shareCallCounts() {
        calls.sync();
    }

    /** Writes the last-used times noted so far; answers how many tokens were written. */
    public int flushUsage() {
        return usage.flush();
    }

    /** What the token cache did so far, and holds now. */
    public record CacheStats(long size, long hits, long negativeHits, long databaseLookups) {
    }

    public CacheStats tokenCache() {
        return new CacheStats(tokens.size(), tokens.hits(), tokens.negativeHits(), tokens.databaseLookups());
    }

    /** When the change feed last applied a change to this node's cache, if ever (wall-clock time). */
    public Optional<Instant> lastTokenChange() {
        return feed.lastEvent();
    }

    /** Last-used times written so far, flushes that failed, and the size of the last flush. */
    public record UsageFlushes(long written, long failures, int lastSize) {
    }

    public UsageFlushes usageFlushes() {
        BatchedUsageRecorder.Flushes flushes = usage.flushes();
        return new UsageFlushes(flushes.written(), flushes.failures(), flushes.lastSize());
    }

    /** How many token lookups reached the database so far (the rest were answered from memory). */
    public long tokenLookupsInDatabase() {
        return tokens.databaseLookups();
    }

    /** How many session lookups reached the database so far (the rest were answered from memory). */
    public long sessionLookupsInDatabase() {
        return cachedSessions.databaseLookups();
    }

    /** How many lookups of one environment reached the database so far (the rest were answered from memory). */
    public long environmentLookupsInDatabase() {
        return cachedEnvironments.databaseLookups();
    }

    /** Applies every token change announced so far to this node's cache now, rather than at the feed's pace. */
    public void followTokenChanges() {
        feed.follow(Duration.ofSeconds(5));
    }

    /** Whether this node currently trusts its token cache (it follows every change to tokens). */
    public boolean tokenCacheTrusted() {
        return feed.trusted();
    }

    /** When this node last proved it follows token changes. */
    public Instant tokenChangesFollowedAt() {
        return feed.lastFollowed();
    }

    /** Whether the database answers now, within the timeout. */
    public boolean answers(Duration timeout) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        calls.close();
        feed.close();
        usage.close();
        audit.close();
        dataSource.close();
    }
}
