package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteSessionsOnTwoNodesTest extends SessionsOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
