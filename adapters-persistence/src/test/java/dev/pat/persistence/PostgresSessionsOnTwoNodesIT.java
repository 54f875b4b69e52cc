package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresSessionsOnTwoNodesIT extends SessionsOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }
}
