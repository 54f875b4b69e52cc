package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table of endpoints is complete, and an incomplete one stops the start. */
class EndpointsTest {
    private final TestPlatform t = new TestPlatform();

    static List<Endpoint.Group> groups(TestPlatform t, dev.pat.domain.port.in.ManageEnvironments environments) {
        return List.of(new AuthenticationApi(t.platform.authorize(), t.platform.signIn(), t.platform.tokens(),
                        t.platform.audit(), t.platform.leaks()),
                new EnvironmentApi(t.platform.authorize(), environments, JsonMapper.builder().build(),
                        new ApiSettings("pat.local")));
    }

    private List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>();
        groups(t, t.platform.environments()).forEach(g -> all.addAll(g.endpoints()));
        return all;
    }

    @Test
    void every_method_of_the_catalog_has_exactly_one_endpoint() {
        Endpoints endpoints = new Endpoints(groups(t, t.platform.environments()));
        assertThat(endpoints.all()).hasSize(ApiCatalog.platform().methods().size());
        ApiCatalog.platform().methods().forEach(m -> assertThat(endpoints.of(m.method())).as(m.method().canonical())
                .isPresent());
    }

    @Test
    void a_method_without_a_handler_stops_the_start() {
        List<Endpoint> missingOne = all().stream().filter(e -> !e.method().equals(ApiCatalog.STOP_ENV)).toList();
        assertThatThrownBy(() -> Endpoints.table(missingOne, ApiCatalog.platform()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("environment.Control.StopEnv has no handler");
    }

    @Test
    void a_method_with_two_handlers_stops_the_start() {
        List<Endpoint> twice = new ArrayList<>(all());
        twice.add(twice.get(0));
        assertThatThrownBy(() -> Endpoints.table(twice, ApiCatalog.platform()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has two handlers");
    }

    @Test
    void every_endpoint_documents_its_session_or_login() {
        // RevokeLeakedTokens alone needs neither: anyone who finds a leaked value may report it
        assertThat(all()).filteredOn(e -> !e.method().equals(ApiCatalog.REVOKE_LEAKED_TOKENS))
                .allSatisfy(e -> assertThat(e.params()).extracting(Endpoint.Param::name)
                        .containsAnyOf("session", "login"));
    }
}
