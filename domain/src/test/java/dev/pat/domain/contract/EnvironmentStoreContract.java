package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code EnvironmentStore} must do. */
public abstract class EnvironmentStoreContract extends StoreContract {
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void an_environment_is_stored_once_per_name_updated_and_removed() {
        Account ann = f.anAccount("ann@example.com");
        Account bob = f.anAccount("bob@example.com");
        Environment env = Environment.create(new EnvName("my-project"), ann.id(), "0123456789abcdef0123456789abcdef", t0);
        assertThat(f.environments().add(env)).isTrue();
        assertThat(f.environments().add(Environment.create(new EnvName("my-project"), bob.id(),
                "fedcba9876543210fedcba9876543210", t0))).isFalse();
        assertThat(f.environments().byName(new EnvName("my-project"))).contains(env);

        Environment stopped = env.to(EnvStatus.DOWN, t0.plusSeconds(5));
        f.environments().update(stopped);
        assertThat(f.environments().byName(new EnvName("my-project"))).contains(stopped);
        assertThat(f.environments().ofAccount(ann.id())).containsExactly(stopped);
        assertThat(f.environments().ofAccount(bob.id())).isEmpty();

        f.environments().remove(new EnvName("my-project"));
        assertThat(f.environments().byName(new EnvName("my-project"))).isEmpty();
    }
}
