package dev.pat.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon's boundaries, checked on every build: a breach fails it. */
@AnalyzeClasses(packages = "dev.pat", importOptions = ArchitectureTest.ProductionCodeOnly.class)
public class ArchitectureTest {

    /** Only the product's own classes: no test classes, no test-jars, no breach fixtures. */
    public static final class ProductionCodeOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    public static final ArchRule the_domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage("dev.pat.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.pat.domain..", "java..")
            .because("the core is framework-free: no Spring, JDBI, Jackson, Jakarta or java.sql");

    @ArchTest
    public static final ArchRule the_rest_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("dev.pat.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.shell..", "dev.pat.persistence..",
                    "dev.pat.app..")
            .because("adapters meet only in the core's ports");

    @ArchTest
    public static final ArchRule the_shell_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("dev.pat.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.rest..", "dev.pat.persistence..",
                    "dev.pat.app..")
            .because("adapters meet only in the core's ports");

    @ArchTest
    public static final ArchRule the_persistence_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("dev.pat.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.rest..", "dev.pat.shell..", "dev.pat.app..")
            .because("adapters meet only in the core's ports");

    @ArchTest
    public static final ArchRule primary_adapters_use_the_core_only_through_its_use_cases_and_model = noClasses()
            .that().resideInAnyPackage("dev.pat.rest..", "dev.pat.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.domain.service..", "dev.pat.domain.port.out..")
            .because("a controller or a command calls a use case (port.in) and shows the model or a view; the"
                    + " outgoing ports (a clock, a store) and the services behind the use cases are the core's own");

    @ArchTest
    public static final ArchRule stores_implement_ports_without_calling_use_cases = noClasses()
            .that().resideInAPackage("dev.pat.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.domain.service..", "dev.pat.domain.port.in..")
            .because("data flows one way: adapter → use case → domain → outgoing port → adapter");

    @ArchTest
    public static final ArchRule the_model_knows_no_use_case = noClasses()
            .that().resideInAPackage("dev.pat.domain.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pat.domain.service..", "dev.pat.domain.port.in..")
            .because("the model is the innermost ring");
}
