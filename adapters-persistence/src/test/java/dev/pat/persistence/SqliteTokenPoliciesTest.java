package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteTokenPoliciesTest extends TokenPoliciesOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
