package dev.pat.persistence.testing;

import dev.pat.domain.contract.StoreFixture;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;
import dev.pat.domain.service.Platform;
import dev.pat.domain.testing.FakeSecondFactor;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.domain.testing.PlainHasher;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.persistence.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/** The real stores on a fresh SQLite file or a fresh PostgreSQL database. */
public final class DatabaseFixture implements StoreFixture {
    private final Database database;

    private DatabaseFixture(String url) {
        this.database = open(url, PinnedClock.at("2026-11-27T10:00:00Z"));
    }

    /** The key the tests' databases seal their secrets with: one for every node and process of a test. */
    public static final byte[] TEST_KEY = "a test key of exactly 32 bytes!!".getBytes(StandardCharsets.US_ASCII);

    /** Opens a node on the database, as the tests' nodes do: last-used times written hourly, a small cache. */
    /** Everything the core needs from this database, with test doubles for the rest of the outside. */
    public static Platform.Ports ports(Database db, Clock clock, long seed) {
        return new Platform.Ports(db.accounts(), db.sessions(), db.tokens(), db.environments(), db.usage(),
                db.transactions(), db.attempts(), db.calls(), db.audit(), new PlainHasher(), new FakeSecondFactor(),
                clock, new SeededRandomness(seed));
    }

    public static Database open(String url, Clock clock) {
        return Database.open(url, Optional.empty(), Optional.empty(), clock,
                new Database.Settings(Duration.ofHours(1), 10_000, Duration.ofMinutes(5), TEST_KEY));
    }

    public static String freshSqliteUrl() {
        try {
            return "jdbc:sqlite:" + Files.createTempDirectory("pat-sqlite").resolve("nested/folder/pat.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatabaseFixture sqlite() {
        return new DatabaseFixture(freshSqliteUrl());
    }

    public static DatabaseFixture postgres() {
        return new DatabaseFixture(EmbeddedPostgresSupport.freshDatabaseUrl());
    }

    public Database database() {
        return database;
    }

    public AccountStore accounts() { return database.accounts(); }
    public SessionStore sessions() { return database.sessions(); }
    public TokenStore tokens() { return database.tokens(); }
    public EnvironmentStore environments() { return database.environments(); }
    public UsageRecorder usage() { return database.usage(); }
    public Transactions transactions() { return database.transactions(); }
    public AttemptCounters attempts() { return database.attempts(); }
    public void flushUsage() { database.flushUsage(); }
    public void close() { database.close(); }

}
