package dev.pat.app.health;

import dev.pat.persistence.Database;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether this node follows every token change made elsewhere, so its token cache can be trusted. A node that
 * does not is DOWN: it still answers correctly (it bypasses its cache), but an operator should know, and a load
 * balancer may prefer the other nodes.
 */
public final class TokenChangesHealth implements HealthIndicator {
    private static final Duration STALE = Duration.ofSeconds(5);
    private final Database database;

    public TokenChangesHealth(Database database) {
        this.database = database;
    }

    @Override
    public Health health() {
        Instant followed = database.tokenChangesFollowedAt();
        boolean recent = Duration.between(followed, Instant.now()).compareTo(STALE) < 0;
        Health.Builder health = database.tokenCacheTrusted() && recent ? Health.up() : Health.down();
        return health.withDetail("following", database.tokenCacheTrusted() && recent)
                .withDetail("lastFollowed", followed.toString())
                .withDetail("tokenCache", database.tokenCacheTrusted() ? "in use" : "bypassed")
                .build();
    }
}
