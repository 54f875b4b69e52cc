package dev.pat.domain.model.environment;

import dev.pat.domain.model.account.AccountId;

import java.time.Instant;
import java.util.Objects;

/** An environment of the platform: the resource that access tokens open to automation. */
public record Environment(EnvName name, AccountId owner, EnvStatus status, String appId, Instant createdOn,
                          Instant changedOn) {
    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(changedOn, "changedOn");
    }

    /** A new environment starts running, as on the platform. */
    public static Environment create(EnvName name, AccountId owner, String appId, Instant now) {
        return new Environment(name, owner, EnvStatus.RUNNING, appId, now, now);
    }

    public Environment to(EnvStatus next, Instant now) {
        return next == status ? this : new Environment(name, owner, next, appId, createdOn, now);
    }

    public boolean isOwnedBy(AccountId account) {
        return owner.equals(account);
    }
}
