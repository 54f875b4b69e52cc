package dev.pat.persistence;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;

class PostgresAuditIT extends AuditOnTwoNodes {
    @Override
    protected String freshDatabaseUrl() {
        return EmbeddedPostgresSupport.freshDatabaseUrl();
    }
}
