package org.fieldplan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.TravelParameters;
import org.fieldplan.vote.VoteModelParameters;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The solver's core packages — {@code domain}, {@code travel}, {@code vote}, {@code solver} — depend on each other
 * without cycles: the travel and vote models compute from the domain, the solver from all three. The domain names
 * two parameter records of the models it carries in a problem ({@link TravelParameters}, {@link VoteModelParameters});
 * those two edges are the only ones back, and are the next to go (by moving the records into {@code domain}).
 */
class PackageCyclesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fieldplan.domain", "org.fieldplan.travel", "org.fieldplan.vote",
                    "org.fieldplan.solver");

    @Test
    void theCorePackagesAreFreeOfCyclesButForTheProblemsModelParameters() {
        slices().matching("org.fieldplan.(*)..").should().beFreeOfCycles()
                .ignoreDependency(FieldPlan.class, TravelParameters.class)
                .ignoreDependency(FieldPlanProblem.class, TravelParameters.class)
                .ignoreDependency(FieldPlan.class, VoteModelParameters.class)
                .ignoreDependency(FieldPlanProblem.class, VoteModelParameters.class)
                .check(CORE);
    }

    @Test
    void theDomainDependsOnTheTravelAndVoteModelsOnlyForTheirParameters() {
        noClasses().that().resideInAPackage("org.fieldplan.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.fieldplan.travel..", "org.fieldplan.vote..",
                        "org.fieldplan.solver..").and(not(belongToAnyOf(TravelParameters.class,
                        VoteModelParameters.class))))
                .because("the domain is what the models compute from: " + Volunteer.class.getSimpleName()
                        + " keeps its travel times without knowing the travel matrix")
                .check(CORE);
    }
}
