package dev.pat.domain.port.in;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.Environment;

import java.util.List;
import java.util.Optional;

/** The environment methods that tokens open: create, list, inspect, start, stop, sleep, rename and delete. */
public interface ManageEnvironments {
    /** Creates a running environment with what was asked of it (kept, not provisioned). */
    Environment create(Caller caller, EnvName name, EnvSettings settings);

    /** Creates a running environment asked with its name only. */
    default Environment create(Caller caller, EnvName name) {
        return create(caller, name, EnvSettings.NONE);
    }

    List<Environment> list(Caller caller);

    Environment info(Caller caller, EnvName name);

    Environment start(Caller caller, EnvName name);

    Environment stop(Caller caller, EnvName name);

    Environment sleep(Caller caller, EnvName name);

    /** Sets (or, with none, clears) the name the dashboard shows for the environment. */
    Environment setDisplayName(Caller caller, EnvName name, Optional<String> displayName);

    /** Deleting is for good, so it needs the password even when called with a token. */
    void delete(Caller caller, EnvName name, Password password);
}
