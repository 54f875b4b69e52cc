package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteAuditTest extends AuditOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
