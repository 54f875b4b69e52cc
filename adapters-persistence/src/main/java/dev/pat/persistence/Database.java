package dev.pat.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    private Database(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                     Duration usageFlushInterval, int cachedTokens) {
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
        this.usage = new BatchedUsageRecorder(jdbi, usageFlushInterval);
        AtomicBoolean trusted = new AtomicBoolean(false);
        AtomicReference<CachingTokenStore> cache = new AtomicReference<>();
        this.tokens = new CachingTokenStore(new JdbiTokenStore(transactions, dialect, usage, clock::now,
                digest -> cache.get().invalidate(digest)), cachedTokens, trusted);
        cache.set(tokens);
        this.feed = new TokenEventFeed(jdbi, tokens, trusted, dialect == Dialect.POSTGRESQL
                ? Optional.of(new TokenEventFeed.ListenTarget(jdbcUrl, user, password)) : Optional.empty(), clock);
    }

    /** Opens (and migrates) the database at that URL; user and password may also be in the URL. */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                                Duration usageFlushInterval, int cachedTokens) {
        return new Database(jdbcUrl, user, password, clock, usageFlushInterval, cachedTokens);
    }

    public static Database open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, Optional.empty(), Optional.empty(), clock, Duration.ofSeconds(5), 100_000);
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
        feed.catchUp();
    }

    /** Whether this node currently trusts its token cache (it follows every change to tokens). */
    public boolean tokenCacheTrusted() {
        return feed.trusted();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        feed.close();
        usage.close();
        dataSource.close();
    }
}
