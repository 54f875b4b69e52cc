package dev.pat.domain.model.environment;

import dev.pat.domain.model.account.AccountId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An environment of the platform: the resource that access tokens open to automation. */
public record Environment(EnvName name, AccountId owner, EnvStatus status, String appId, Instant createdOn,
                          Instant changedOn, EnvSettings settings) {
    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(changedOn, "changedOn");
        Objects.requireNonNull(settings, "settings");
    }

    /** A new environment starts running, as on the platform. */
    public static Environment create(EnvName name, AccountId owner, String appId, EnvSettings settings, Instant now) {
        return new Environment(name, owner, EnvStatus.RUNNING, appId, now, now, settings);
    }

    /** A new environment asked with its name only. */
    public static Environment create(EnvName name, AccountId owner, String appId, Instant now) {
        return create(name, owner, appId, EnvSettings.NONE, now);
    }

    public Environment to(EnvStatus next, Instant now) {
        return next == status ? this : new Environment(name, owner, next, appId, createdOn, now, settings);
    }

    public Environment withDisplayName(Optional<String> displayName, Instant now) {
        return new Environment(name, owner, status, appId, createdOn, now, settings.withDisplayName(displayName));
    }

    public boolean isOwnedBy(AccountId account) {
        return owner.equals(account);
    }
}
