package dev.pat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.pat.domain.breach.SpringInTheDomain;
import dev.pat.rest.breach.RestReachingIntoPersistence;
import dev.pat.shell.breach.ShellReadingTheClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules are not vacuous: each fails on a class that breaks it. */
class ArchitectureRulesCatchBreachesTest {

    @Test
    void a_framework_in_the_domain_fails_the_build() {
        JavaClasses breach = new ClassFileImporter().importClasses(SpringInTheDomain.class);
        assertThat(ArchitectureTest.the_domain_depends_on_nothing_but_the_jdk.evaluate(breach).hasViolation())
                .isTrue();
    }

    @Test
    void an_adapter_using_another_fails_the_build() {
        JavaClasses breach = new ClassFileImporter().importClasses(RestReachingIntoPersistence.class);
        assertThat(ArchitectureTest.the_rest_adapter_does_not_depend_on_other_adapters.evaluate(breach)
                .hasViolation()).isTrue();
    }

    @Test
    void a_primary_adapter_reading_an_outgoing_port_fails_the_build() {
        JavaClasses breach = new ClassFileImporter().importClasses(ShellReadingTheClock.class);
        assertThat(ArchitectureTest.primary_adapters_use_the_core_only_through_its_use_cases_and_model.evaluate(breach)
                .hasViolation()).isTrue();
    }

    @Test
    void the_real_code_is_imported_and_checked() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(new ArchitectureTest.ProductionCodeOnly()).importPackages("dev.pat");
        assertThat(production.containPackage("dev.pat.domain.model")).isTrue();
        assertThat(production.containPackage("dev.pat.rest")).isTrue();
        assertThat(production.containPackage("dev.pat.persistence")).isTrue();
        assertThat(production.containPackage("dev.pat.domain.breach")).isFalse();
    }
}
