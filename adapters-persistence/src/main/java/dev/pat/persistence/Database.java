package dev.pat.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
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
    private final TokenEventFeed feed;
    private final JdbiAttemptCounters attempts;
    private final SharedCallCounter calls;

    /**
     * How this node keeps what it can in memory.
     *
     * @param usageFlushInterval how often last-used times noted in memory are written (what a crash loses)
     * @param cachedTokens       how many verified tokens (and retired values) the cache holds
     * @param cacheMaxAge        the longest an entry stays cached: a safety net, as changes reach the cache at once
     */
    public record Settings(Duration usageFlushInterval, int cachedTokens, Duration cacheMaxAge) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), 100_000, Duration.ofMinutes(5));
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
        this.dataSource = new HikariDataSource(config);
        migrate(dataSource, dialect);
        this.jdbi = Jdbi.create(dataSource);
        this.transactions = new JdbiTransactions(jdbi);
        this.usage = new BatchedUsageRecorder(jdbi, settings.usageFlushInterval());
        AtomicBoolean trusted = new AtomicBoolean(false);
        AtomicReference<CachingTokenStore> cache = new AtomicReference<>();
        this.tokens = new CachingTokenStore(new JdbiTokenStore(transactions, dialect, usage, clock::now,
                digest -> cache.get().invalidate(digest)), settings.cachedTokens(), settings.cacheMaxAge(), trusted);
        cache.set(tokens);
        this.feed = new TokenEventFeed(jdbi, tokens, trusted, new TokenEventFeed.Target(dialect, jdbcUrl, user,
                password), clock);
        this.attempts = new JdbiAttemptCounters(jdbi, transactions);
        this.calls = new SharedCallCounter(jdbi);
    }

    /** Opens (and migrates) the database at that URL; user and password may also be in the URL. */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                                Settings settings) {
        return new Database(jdbcUrl, user, password, clock, settings);
    }

    public static Database open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, Optional.empty(), Optional.empty(), clock, Settings.DEFAULT);
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("identity", dialect.identity))
                .load()
                .migrate();
    }

    public Transactions transactions() {
        return transactions;
    }

    public AccountStore accounts() {
        return new JdbiAccountStore(transactions);
    }

    public SessionStore sessions() {
        return new JdbiSessionStore(transactions);
    }

    public TokenStore tokens() {
        return tokens;
    }

    public EnvironmentStore environments() {
        return new JdbiEnvironmentStore(transactions);
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

    /** Shares this node's call counts now, rather than at the counter's pace. */
    public void shareCallCounts() {
        calls.sync();
    }

    /** Writes the last-used times noted so far; answers how many tokens were written. */
    public int flushUsage() {
        return usage.flush();
    }

    /** How many token lookups reached the database so far (the rest were answered from memory). */
    public long tokenLookupsInDatabase() {
        return tokens.databaseLookups();
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
        dataSource.close();
    }
}
