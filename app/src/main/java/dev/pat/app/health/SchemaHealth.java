package dev.pat.app.health;

import dev.pat.persistence.Database;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The schema is the one this node was built for: DOWN when a migration is missing (a database restored from before
 * the node's version) or one is there that the node does not know (migrated by a newer node). Part of readiness:
 * such a node must not take traffic.
 */
public final class SchemaHealth implements HealthIndicator {
    private final Database database;

    public SchemaHealth(Database database) {
        this.database = database;
    }

    @Override
    public Health health() {
        return database.schemaIsCurrent() ? Health.up().withDetail("version", database.schemaVersion()).build()
                : Health.down().withDetail("reason", "the schema is not at version " + database.schemaVersion()
                        + ", the one this node was built for").build();
    }
}
