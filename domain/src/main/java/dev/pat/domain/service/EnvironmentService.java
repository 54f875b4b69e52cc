package dev.pat.domain.service;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.Transactions;

import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The platform's environments, each seen only by the account that owns it. */
public final class EnvironmentService implements ManageEnvironments {
    private final EnvironmentStore environments;
    private final PasswordConfirmation passwords;
    private final Transactions transactions;
    private final Clock clock;
    private final Randomness randomness;

    public EnvironmentService(EnvironmentStore environments, PasswordConfirmation passwords,
                              Transactions transactions, Clock clock, Randomness randomness) {
        this.environments = environments;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.randomness = randomness;
    }

    @Override
    public Environment create(Caller caller, EnvName name, EnvSettings settings) {
        if (!caller.mayUse(name)) {
            throw new PermissionDenied("the token may create only environments its envNames rule allows");
        }
        byte[] appId = new byte[16];
        randomness.fill(appId);
        Environment created = Environment.create(name, caller.account(), HexFormat.of().formatHex(appId), settings,
                clock.now());
        if (!environments.add(created)) {
            throw new InvalidInput("envName", "'" + name.value() + "' is already taken on the platform");
        }
        return created;
    }

    @Override
    public List<Environment> list(Caller caller) {
        return environments.ofAccount(caller.account()).stream()
                .filter(e -> caller.mayUse(e.name()))
                .sorted(Comparator.comparing(e -> e.name().value())).toList();
    }

    @Override
    public Environment info(Caller caller, EnvName name) {
        return owned(caller, name);
    }

    @Override
    public Environment start(Caller caller, EnvName name) {
        return move(caller, name, EnvStatus.RUNNING);
    }

    @Override
    public Environment stop(Caller caller, EnvName name) {
        return move(caller, name, EnvStatus.DOWN);
    }

    @Override
    public Environment sleep(Caller caller, EnvName name) {
        return move(caller, name, EnvStatus.SLEEPING);
    }

    @Override
    public Environment setDisplayName(Caller caller, EnvName name, Optional<String> displayName) {
        return transactions.inTransaction(() -> {
            Environment renamed = owned(caller, name).withDisplayName(displayName, clock.now());
            environments.update(renamed);
            return renamed;
        });
    }

    @Override
    public void delete(Caller caller, EnvName name, Password password) {
        owned(caller, name);
        passwords.confirm(caller, password);
        transactions.inTransaction(() -> {
            owned(caller, name);
            environments.remove(name);
        });
    }

    private Environment move(Caller caller, EnvName name, EnvStatus next) {
        return transactions.inTransaction(() -> {
            Environment current = owned(caller, name);
            Environment moved = current.to(next, clock.now());
            if (moved != current) {
                environments.update(moved);
            }
            return moved;
        });
    }

    /**
     * Another account's environment, or one outside the calling token's environments, is answered exactly as a
     * missing one: the token learns nothing of it.
     */
    private Environment owned(Caller caller, EnvName name) {
        if (!caller.mayUse(name)) {
            throw new EnvironmentNotFound(name);
        }
        return environments.byName(name).filter(e -> e.isOwnedBy(caller.account()))
                .orElseThrow(() -> new EnvironmentNotFound(name));
    }
}
