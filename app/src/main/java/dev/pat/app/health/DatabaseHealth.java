package dev.pat.app.health;

import dev.pat.persistence.Database;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;

/** The database answers: DOWN when it does not within two seconds, as nothing works without it. */
public final class DatabaseHealth implements HealthIndicator {
    private final Database database;

    public DatabaseHealth(Database database) {
        this.database = database;
    }

    @Override
    public Health health() {
        return database.answers(Duration.ofSeconds(2)) ? Health.up().build()
                : Health.down().withDetail("reason", "the database does not answer").build();
    }
}
