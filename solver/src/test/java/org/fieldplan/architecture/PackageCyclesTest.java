package org.fieldplan.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The solver's packages depend on each other without cycles: the travel and vote models compute from the domain
 * (which carries their parameter records), the solver from all of them, and the domain depends on none of them.
 */
class PackageCyclesTest {

    private static final JavaClasses SOLVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fieldplan");

    @Test
    void theSolversPackagesAreFreeOfCycles() {
        slices().matching("org.fieldplan.(*)..").should().beFreeOfCycles().check(SOLVER);
    }

    @Test
    void theDomainDependsOnNoModelAndNoSolver() {
        noClasses().that().resideInAPackage("org.fieldplan.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.fieldplan.travel..", "org.fieldplan.vote..",
                        "org.fieldplan.solver..", "org.fieldplan.baseline..", "org.fieldplan.plan.."))
                .because("the domain is what the models compute from: " + Volunteer.class.getSimpleName()
                        + " keeps its travel times without knowing the travel matrix")
                .check(SOLVER);
    }
}
