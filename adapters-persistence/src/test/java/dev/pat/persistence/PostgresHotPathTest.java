package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresHotPathTest extends HotPathTest {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }
}
