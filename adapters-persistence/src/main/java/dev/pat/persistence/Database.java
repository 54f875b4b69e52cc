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
    private final JdbiTokenStore tokens;

    private Database(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                     Duration usageFlushInterval) {
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
        this.tokens = new JdbiTokenStore(transactions, dialect, usage, clock::now);
    }

    /** Opens (and migrates) the database at that URL; user and password may also be in the URL. */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock,
                                Duration usageFlushInterval) {
        return new Database(jdbcUrl, user, password, clock, usageFlushInterval);
    }

    public static Database open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, Optional.empty(), Optional.empty(), clock, Duration.ofSeconds(5));
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

    public boolean isPostgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** Whether the database answers right now. */
    public boolean isReachable() {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        usage.close();
        dataSource.close();
    }
}
