package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

class SqliteHotPathTest extends HotPathTest {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
