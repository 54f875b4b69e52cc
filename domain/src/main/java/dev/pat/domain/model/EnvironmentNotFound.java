package dev.pat.domain.model;

import dev.pat.domain.model.environment.EnvName;
/** No environment of that name belongs to the caller (another account's counts as none). */
public final class EnvironmentNotFound extends PatFailure {
    public EnvironmentNotFound(EnvName name) {
        super("environment '" + name.value() + "' does not exist");
    }
}
