package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteEnvironmentsOnTwoNodesTest extends EnvironmentsOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
