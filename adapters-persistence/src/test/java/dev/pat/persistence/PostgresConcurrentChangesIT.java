package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresConcurrentChangesIT extends ConcurrentChanges {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }
}
