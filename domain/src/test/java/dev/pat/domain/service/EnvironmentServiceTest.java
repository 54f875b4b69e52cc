package dev.pat.domain.service;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.environment.NodeGroup;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.pat.domain.testing.TestPlatform.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentServiceTest {
    private final TestPlatform t = new TestPlatform();
    private final ManageEnvironments envs = t.platform.environments();
    private final Account ann = t.account("ann@example.com");
    private final Account bob = t.account("bob@example.com");
    private final Caller annCalls = t.session(ann);
    private final Caller bobCalls = t.session(bob);
    private final EnvName project = new EnvName("my-project");

    @Test
    void a_new_environment_runs_and_can_be_stopped_slept_and_started() {
        assertThat(envs.create(annCalls, project).status()).isEqualTo(EnvStatus.RUNNING);
        t.clock.advance(Duration.ofMinutes(1));
        assertThat(envs.stop(annCalls, project).status()).isEqualTo(EnvStatus.DOWN);
        assertThat(envs.info(annCalls, project).status()).isEqualTo(EnvStatus.DOWN);
        assertThat(envs.info(annCalls, project).changedOn()).isEqualTo(t.clock.now());
        assertThat(envs.sleep(annCalls, project).status()).isEqualTo(EnvStatus.SLEEPING);
        assertThat(envs.start(annCalls, project).status()).isEqualTo(EnvStatus.RUNNING);
    }

    @Test
    void names_are_unique_on_the_platform() {
        envs.create(annCalls, project);
        assertThatThrownBy(() -> envs.create(bobCalls, new EnvName("My-Project"))).isInstanceOf(InvalidInput.class)
                .hasMessage("envName: 'my-project' is already taken on the platform");
    }

    @Test
    void another_accounts_environment_does_not_exist_for_you() {
        envs.create(annCalls, project);
        assertThatThrownBy(() -> envs.stop(bobCalls, project)).isInstanceOf(EnvironmentNotFound.class)
                .hasMessage("environment 'my-project' does not exist");
        assertThat(envs.list(bobCalls)).isEmpty();
        assertThat(envs.info(annCalls, project).status()).isEqualTo(EnvStatus.RUNNING);
    }

    @Test
    void deleting_needs_the_password() {
        envs.create(annCalls, project);
        assertThatThrownBy(() -> envs.delete(annCalls, project, Password.given("wrong wrong")))
                .isInstanceOf(PasswordConfirmationFailed.class);
        assertThat(envs.list(annCalls)).hasSize(1);
        envs.delete(annCalls, project, password());
        assertThat(envs.list(annCalls)).isEmpty();
    }

    @Test
    void an_environment_keeps_what_it_was_created_with_and_its_display_name_can_change() {
        EnvSettings asked = new EnvSettings(Optional.of("My Project"), true, true, Optional.of("eu-west"),
                List.of(new NodeGroup("cp", "tomcat9", 2, 1, 8, Optional.of("App servers")),
                        new NodeGroup("", "mysql8", 1, 2, 16, Optional.empty())));
        envs.create(annCalls, project, asked);
        Environment created = envs.info(annCalls, project);
        assertThat(created.settings()).isEqualTo(asked);
        assertThat(created.settings().nodeGroups().get(1).name()).as("a group named for its type").isEqualTo("mysql8");
        t.clock.advance(Duration.ofMinutes(1));
        envs.setDisplayName(annCalls, project, Optional.of("Renamed"));
        assertThat(envs.info(annCalls, project).settings().displayName()).contains("Renamed");
        assertThat(envs.info(annCalls, project).changedOn()).isEqualTo(t.clock.now());
        assertThatThrownBy(() -> envs.setDisplayName(bobCalls, project, Optional.of("mine")))
                .isInstanceOf(EnvironmentNotFound.class);
    }

    @Test
    void node_groups_outside_what_the_platform_offers_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new NodeGroup("cp", "tomcat9", 0, 1, 8, Optional.empty()))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("nodes: count");
        assertThatThrownBy(() -> new NodeGroup("cp", "tomcat 9", 1, 1, 8, Optional.empty()))
                .hasMessageStartingWith("nodes: nodeType");
        assertThatThrownBy(() -> new NodeGroup("cp", "tomcat9", 1, 9, 8, Optional.empty()))
                .hasMessageStartingWith("nodes: cloudlets");
        assertThatThrownBy(() -> new EnvSettings(Optional.of("\u202E"), false, false, Optional.empty(), List.of()))
                .hasMessageStartingWith("displayName: ");
    }
}
