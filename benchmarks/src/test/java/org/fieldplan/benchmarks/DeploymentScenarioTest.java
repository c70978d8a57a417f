package org.fieldplan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import java.util.List;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.plan.DeploymentFigures;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.junit.jupiter.api.Test;

/** The benchmark's staging locations and deployment days: as many as asked, seeded, offered by drivers only. */
class DeploymentScenarioTest {

    private final FieldPlanProblem region = new RegionGenerator().generate(100, 400, 7);

    @Test
    void stagingLocationsAreAsManyAsAskedAndOpenEveryCampaignDay() {
        FieldPlanProblem staged = DeploymentScenario.withStaging(region, 20, 7);

        assertThat(staged.stagingLocations()).hasSize(20).allSatisfy(s -> {
            assertThat(s.teamsPerSlot()).isEqualTo(DeploymentScenario.TEAMS_PER_SLOT);
            assertThat(region.timeSlots()).allMatch(s::isOpenDuring);
        });
        assertThat(DeploymentScenario.withStaging(region, 20, 7).stagingLocations())
                .extracting(s -> s.point().getCoordinate())
                .isEqualTo(staged.stagingLocations().stream().map(s -> s.point().getCoordinate()).toList());
    }

    @Test
    void aboutTheShareOfVolunteersOfferASaturdayAndOnlyDrivers() {
        FieldPlanProblem offered = DeploymentScenario.withDeploymentDays(region, 0.2, true, 7);
        FieldPlanProblem notOffered = DeploymentScenario.withDeploymentDays(region, 0.2, false, 7);

        long offering = offered.volunteers().stream().filter(v -> !v.getDeploymentOffers().isEmpty()).count();
        assertThat(offering).isBetween(60L, 100L);
        assertThat(offered.volunteers()).filteredOn(v -> !v.getDeploymentOffers().isEmpty()).allSatisfy(v -> {
            assertThat(v.getTravelMode()).isEqualTo(TravelMode.CAR);
            assertThat(v.getDeploymentOffers().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(v.getMaxShiftsPerDay()).isGreaterThanOrEqualTo(DeploymentScenario.DEPLOYMENT_SLOTS);
        });
        // The "before": the same volunteers give the same day, without the longer trip.
        assertThat(notOffered.volunteers()).allMatch(v -> v.getDeploymentOffers().isEmpty());
        assertThat(notOffered.volunteers()).extracting(Volunteer::getAvailability)
                .isEqualTo(offered.volunteers().stream().map(Volunteer::getAvailability).toList());
    }

    @Test
    void withCarpoolsRidersWorkPrecinctsTheyCouldNotReachAlone() {
        FieldPlanProblem staged = DeploymentScenario.withStaging(
                BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 150, 7)), 10, 7);
        FieldPlanProblem carpools = DeploymentScenario.withCarpools(staged, 0.3, 3, 15, 7);
        FieldPlanSolver solver = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(10_000));

        FieldPlan shared = solver.solve(ProblemPreparer.prepare(carpools), best -> { }).plan();
        List<Shift> beyondOwnReach = shared.getShifts().stream().filter(s -> s.getRide() != null
                && !s.getCandidatePrecincts().contains(s.getPrecinct())).toList();
        DeploymentFigures figures = DeploymentFigures.of(shared);

        assertThat(shared.getScore().hardScore()).isZero();
        assertThat(beyondOwnReach).isNotEmpty();
        assertThat(figures.seatsUsed()).isPositive();
    }
}
