package dev.pat.domain.model.catalog;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.Scope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiCatalogTest {
    private final ApiCatalog catalog = ApiCatalog.platform();

    @Test
    void methods_are_found_case_insensitively_by_canonical_name() {
        assertThat(catalog.find("ENVIRONMENT.control.stopenv")).map(ApiMethodInfo::method)
                .contains(ApiCatalog.STOP_ENV);
        assertThat(catalog.find("environment.Control.Nope")).isEmpty();
    }

    @Test
    void a_short_name_finds_the_one_method_that_bears_it() {
        assertThat(catalog.find("GetEnvs")).map(ApiMethodInfo::method).contains(ApiCatalog.GET_ENVS);
        assertThat(catalog.find(" stopenv ")).map(ApiMethodInfo::method).contains(ApiCatalog.STOP_ENV);
        assertThat(catalog.scope(Optional.empty(), List.of("GetEnvs", "GetEnvInfo")).methods())
                .containsExactlyInAnyOrder(ApiCatalog.GET_ENVS, ApiCatalog.GET_ENV_INFO);
        assertThat(catalog.find("Control.GetEnvs")).as("a partly qualified name is not a short one").isEmpty();
        assertThat(catalog.find("GetNothing")).isEmpty();
    }

    @Test
    void every_method_has_a_description_and_a_documentation_link() {
        assertThat(catalog.grantable("")).allSatisfy(m -> {
            assertThat(m.description()).isNotBlank();
            assertThat(m.docUrl()).startsWith("https://").contains(m.method().method());
        });
    }

    @Test
    void the_search_matches_names_and_descriptions() {
        assertThat(catalog.grantable("StopEnv")).extracting(ApiMethodInfo::method).containsExactly(ApiCatalog.STOP_ENV);
        assertThat(catalog.grantable("sleep")).extracting(ApiMethodInfo::method)
                .containsExactly(ApiCatalog.START_ENV, ApiCatalog.SLEEP_ENV);
        assertThat(catalog.grantable("needs the password")).extracting(ApiMethodInfo::method)
                .containsExactly(ApiCatalog.DELETE_ENV);
    }

    @Test
    void the_four_predefined_sets_of_the_seed_exist() {
        assertThat(catalog.apiSets()).extracting(ApiSet::name)
                .containsExactly("Extended Access", "IDE Plugins", "Marketplace", "Maven Plugin");
    }

    @Test
    void extended_access_holds_everything_but_the_authentication_methods() {
        assertThat(ApiCatalog.EXTENDED_ACCESS.methods())
                .containsExactlyInAnyOrderElementsOf(catalog.grantable("").stream().map(ApiMethodInfo::method).toList())
                .noneMatch(m -> m.service().equals("users"));
    }

    @Test
    void a_set_is_named_by_id_or_name_in_any_case() {
        assertThat(catalog.apiSet("ide plugins")).contains(ApiCatalog.IDE_PLUGINS);
        assertThat(catalog.apiSet("IDE_PLUGINS")).contains(ApiCatalog.IDE_PLUGINS);
        assertThat(catalog.apiSet("maven-plugin")).contains(ApiCatalog.MAVEN_PLUGIN);
    }

    @Test
    void a_custom_scope_holds_exactly_the_listed_methods() {
        Scope scope = catalog.scope(Optional.of("Custom"), List.of("environment.control.StopEnv", "environment.Control.GetEnvs"));
        assertThat(scope.isCustom()).isTrue();
        assertThat(scope.methods()).containsExactly(ApiCatalog.STOP_ENV, ApiCatalog.GET_ENVS);
    }

    @Test
    void an_unknown_method_is_named_with_the_closest_suggestion() {
        assertThatThrownBy(() -> catalog.scope(Optional.empty(), List.of("environment.Control.StopEnvs")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("apiList: unknown API method 'environment.Control.StopEnvs'"
                        + " (did you mean environment.Control.StopEnv?)");
    }

    @Test
    void an_empty_custom_list_is_refused() {
        assertThatThrownBy(() -> catalog.scope(Optional.empty(), List.of()))
                .hasMessage("apiList: a Custom token needs at least one API method");
    }

    @Test
    void authentication_methods_cannot_be_given_to_a_token() {
        assertThatThrownBy(() -> catalog.scope(Optional.empty(), List.of("users.Authentication.CreateToken")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("apiList: users.Authentication.CreateToken cannot");
    }

    @Test
    void an_unknown_set_lists_the_known_ones() {
        assertThatThrownBy(() -> catalog.scope(Optional.of("Gold"), List.of()))
                .hasMessage("tokenTemplate: unknown API set 'Gold'; known: Extended Access, IDE Plugins,"
                        + " Marketplace, Maven Plugin, Custom");
    }
}
