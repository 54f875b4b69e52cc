package dev.pat.persistence;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.out.EnvironmentStore;

import java.util.List;
import java.util.Optional;

/**
 * Environments held in memory by name ({@link FollowedCache}), so GetEnvInfo and the other calls naming one
 * environment cost no database round trip; every change to an environment is announced under
 * {@link #key(EnvName)} ({@link JdbiEnvironmentStore}). Listings of an account's environments read the database.
 */
final class CachingEnvironmentStore implements EnvironmentStore {
    private final EnvironmentStore database;
    private final FollowedCache<Environment> cache;

    CachingEnvironmentStore(EnvironmentStore database, FollowedCache<Environment> cache) {
        this.database = database;
        this.cache = cache;
    }

    /** What a change to this environment is announced under on the change feed. */
    static Digest key(EnvName name) {
        return Digest.of("environment " + name.value());
    }

    @Override
    public Optional<Environment> byName(EnvName name) {
        return cache.get(key(name), () -> database.byName(name));
    }

    @Override
    public boolean add(Environment environment) {
        return database.add(environment);
    }

    @Override
    public List<Environment> ofAccount(AccountId owner) {
        return database.ofAccount(owner);
    }

    @Override
    public void update(Environment environment) {
        database.update(environment);
    }

    @Override
    public void remove(EnvName name) {
        database.remove(name);
    }
}
