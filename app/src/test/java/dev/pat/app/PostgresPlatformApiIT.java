package dev.pat.app;

import dev.pat.persistence.testing.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same platform API with the database URL pointing at PostgreSQL (embedded in the test). */
class PostgresPlatformApiIT extends PlatformApiTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", EmbeddedPostgresSupport::freshDatabaseUrl);
    }
}
