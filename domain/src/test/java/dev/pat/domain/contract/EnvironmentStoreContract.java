package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.environment.NodeGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code EnvironmentStore} must do. */
public abstract class EnvironmentStoreContract extends StoreContract {
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void an_environment_is_stored_once_per_name_updated_and_removed() {
        Account ann = f.anAccount("ann@example.com");
        Account bob = f.anAccount("bob@example.com");
        Environment env = Environment.create(new EnvName("my-project"), ann.id(), "0123456789abcdef0123456789abcdef",
                t0);
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

    @Test
    void what_an_environment_was_created_with_comes_back_as_it_was_and_its_display_name_changes() {
        Account ann = f.anAccount("ann@example.com");
        EnvSettings asked = new EnvSettings(Optional.of("Shop ✓"), true, true, Optional.of("eu-west"),
                List.of(new NodeGroup("cp", "tomcat9", 2, 1, 8, Optional.of("App")),
                        new NodeGroup("sqldb", "mysql8", 1, 4, 16, Optional.empty())));
        Environment shop = Environment.create(new EnvName("shop"), ann.id(), "0123456789abcdef0123456789abcdef",
                asked, t0);
        f.environments().add(shop);
        f.environments().add(Environment.create(new EnvName("plain"), ann.id(), "fedcba9876543210fedcba9876543210",
                t0));
        assertThat(f.environments().byName(new EnvName("shop"))).contains(shop);
        assertThat(f.environments().ofAccount(ann.id())).extracting(Environment::settings)
                .containsExactly(EnvSettings.NONE, asked);

        Environment renamed = shop.withDisplayName(Optional.empty(), t0.plusSeconds(9));
        f.environments().update(renamed);
        assertThat(f.environments().byName(new EnvName("shop"))).contains(renamed);
        f.environments().remove(new EnvName("shop"));
        assertThat(f.environments().ofAccount(ann.id())).hasSize(1);
    }
}
