package dev.pat.app.metrics;

import dev.pat.app.crypto.BoundedPasswordHasher;
import dev.pat.persistence.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.time.Instant;

/**
 * PAT's own gauges and counters, read from the parts that keep them (never a login or a secret in a tag): the
 * token cache, the change feed, the last-used flushes and the password hashing pool.
 */
public final class PatMeters implements MeterBinder {
    private final Database database;
    private final BoundedPasswordHasher hasher;

    public PatMeters(Database database, BoundedPasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pat.token.cache.size", database, db -> db.tokenCache().size())
                .description("Verified tokens and retired values held in this node's cache").register(registry);
        FunctionCounter.builder("pat.token.cache.hits", database, db -> db.tokenCache().hits())
                .description("Token lookups answered from memory").register(registry);
        FunctionCounter.builder("pat.token.cache.negative.hits", database, db -> db.tokenCache().negativeHits())
                .description("Lookups of values nobody has, answered from memory").register(registry);
        FunctionCounter.builder("pat.token.cache.misses", database, db -> db.tokenCache().databaseLookups())
                .description("Token lookups that reached the database").register(registry);
        Gauge.builder("pat.token.changes.lag", database, db -> age(db.tokenChangesFollowedAt()))
                .description("Seconds since this node last proved it follows every token change")
                .baseUnit("seconds").register(registry);
        Gauge.builder("pat.token.changes.last.event.age", database,
                        db -> db.lastTokenChange().map(PatMeters::age).orElse(Double.NaN))
                .description("Seconds since a token change last reached this node's cache").baseUnit("seconds")
                .register(registry);
        Gauge.builder("pat.token.changes.followed", database, db -> db.tokenCacheTrusted() ? 1 : 0)
                .description("1 while this node follows token changes (its cache is trusted)").register(registry);
        FunctionCounter.builder("pat.last.used.written", database, db -> db.usageFlushes().written())
                .description("Last-used times written").register(registry);
        FunctionCounter.builder("pat.last.used.flush.failures", database, db -> db.usageFlushes().failures())
                .description("Last-used flushes that failed (their times are kept for the next)").register(registry);
        Gauge.builder("pat.last.used.flush.size", database, db -> db.usageFlushes().lastSize())
                .description("Tokens written by the last last-used flush").register(registry);
        Gauge.builder("pat.password.hashes.in.flight", hasher, BoundedPasswordHasher::inFlight)
                .description("Password hashes being computed now").register(registry);
        Gauge.builder("pat.password.hashes.queued", hasher, BoundedPasswordHasher::queued)
                .description("Password hashes waiting for a free slot").register(registry);
    }

    private static double age(Instant at) {
        return Duration.between(at, Instant.now()).toMillis() / 1000.0;
    }
}
