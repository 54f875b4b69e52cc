package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteShippedMigrationsTest extends ShippedMigrationsTest {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }

    @Override
    protected int roundsOfStartingTogether() {
        return 20;
    }
}
