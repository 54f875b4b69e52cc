package dev.pat.domain.port.out;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;

import java.util.List;
import java.util.Optional;

/** Where environments are kept. */
public interface EnvironmentStore {
    /** Stores a new environment; false if the name is already taken on the platform. */
    boolean add(Environment environment);

    Optional<Environment> byName(EnvName name);

    List<Environment> ofAccount(AccountId owner);

    void update(Environment environment);

    void remove(EnvName name);
}
