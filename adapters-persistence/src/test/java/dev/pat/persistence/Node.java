package dev.pat.persistence;

import dev.pat.domain.model.CallLimits;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.service.Platform;
import dev.pat.persistence.testing.DatabaseFixture;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static dev.pat.domain.testing.TestPlatform.HERE;

/** One node of the platform: the whole core on its own connection pool, token cache and change feed. */
record Node(Database database, Platform platform) implements AutoCloseable {
    /** No throttling of sign-ins or calls: tests that hammer two nodes measure promises, not limits. */
    static final Platform.Policies UNTHROTTLED = Platform.Policies.STANDARD.with(AttemptPolicy.unlimited())
            .with(CallLimits.UNLIMITED);

    /** Polls every millisecond until the condition holds or the bound passes; answers whether it held. */
    static boolean within(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    static Node on(String url, Clock clock, long seed) {
        return on(url, clock, seed, Platform.Policies.STANDARD);
    }

    static Node on(String url, Clock clock, long seed, Platform.Policies policies) {
        Database db = DatabaseFixture.open(url, clock);
        return new Node(db, new Platform(DatabaseFixture.ports(db, clock, seed), policies));
    }

    /** Whether this node lets the value call a method every token of these tests holds. */
    boolean lets(String value) {
        return lets(value, ApiCatalog.GET_ENVS);
    }

    boolean lets(String value, ApiMethod method) {
        try {
            platform.authorize().authorize(Credential.presented(value), method, HERE);
            return true;
        } catch (NotAuthenticated | PermissionDenied e) {
            return false;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
