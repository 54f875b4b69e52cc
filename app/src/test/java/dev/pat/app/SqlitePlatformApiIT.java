package dev.pat.app;

import dev.pat.persistence.testing.DatabaseFixture;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform API on the embedded default: a SQLite file. */
class SqlitePlatformApiIT extends PlatformApiTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("pat.db.url", DatabaseFixture::freshSqliteUrl);
    }
}
