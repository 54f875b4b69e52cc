package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresHotPathIT extends HotPathTest {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }
}
