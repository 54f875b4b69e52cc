package dev.pat.domain.port.in;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;

import java.util.List;

/** The environment methods that tokens open: create, list, inspect, start, stop, sleep and delete. */
public interface ManageEnvironments {
    Environment create(Caller caller, EnvName name);

    List<Environment> list(Caller caller);

    Environment info(Caller caller, EnvName name);

    Environment start(Caller caller, EnvName name);

    Environment stop(Caller caller, EnvName name);

    Environment sleep(Caller caller, EnvName name);

    /** Deleting is for good, so it needs the password even when called with a token. */
    void delete(Caller caller, EnvName name, Password password);
}
