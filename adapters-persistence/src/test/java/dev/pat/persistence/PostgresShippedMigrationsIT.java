package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresShippedMigrationsIT extends ShippedMigrationsTest {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }

    @Override
    protected int roundsOfStartingTogether() {
        return 2;
    }
}
