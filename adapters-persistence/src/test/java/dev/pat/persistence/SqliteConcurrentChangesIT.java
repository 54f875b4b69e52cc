package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;

/** Two nodes on one SQLite file: two processes, as far as the file is concerned (own pools, caches, feeds). */
class SqliteConcurrentChangesIT extends ConcurrentChanges {
    @Override
    protected String freshDatabaseUrl() {
        return DatabaseFixture.freshSqliteUrl();
    }
}
