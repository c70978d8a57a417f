package org.fieldplan.benchmarks.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.DeploymentScenario;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.Test;

/**
 * With staging locations and deployment days the flow bound stays an upper bound: deployment offers only widen
 * reach, staging travel is the solver's, a closed staging location's precinct-slots get no arc.
 */
class DeploymentBoundTest {

    private static FieldPlanProblem region(boolean offers) {
        FieldPlanProblem plain = BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 100, 7));
        return DeploymentScenario.withDeploymentDays(DeploymentScenario.withStaging(plain, 10, 7), 0.3, offers, 7);
    }

    @Test
    void noPlanOfASolverRunWithStagingAndDeploymentExceedsTheBound() {
        FieldPlan prepared = ProblemPreparer.prepare(region(true));
        FieldPlanSolver solver = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(10_000));
        List<Double> planVotes = new ArrayList<>();
        planVotes.add(PlanSummary.of(solver.greedyBaseline(prepared)).expectedNetVotes());
        FieldPlan best = solver.solve(prepared.copyUnassigned(),
                plan -> planVotes.add(PlanSummary.of(plan).expectedNetVotes())).plan();
        planVotes.add(PlanSummary.of(best).expectedNetVotes());

        double bound = FlowUpperBound.of(prepared).expectedVotes();

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(planVotes).allSatisfy(votes -> assertThat(votes).isLessThanOrEqualTo(bound));
        assertThat(bound).isLessThan(1.35 * planVotes.get(planVotes.size() - 1));
    }

    @Test
    void deploymentOffersNeverLowerTheBound() {
        double without = FlowUpperBound.of(ProblemPreparer.prepare(region(false))).expectedVotes();
        double with = FlowUpperBound.of(ProblemPreparer.prepare(region(true))).expectedVotes();

        // Wider reach can only add arcs (here the region's everyday reach already holds the whole value).
        assertThat(with).isGreaterThanOrEqualTo(without);
    }

    @Test
    void stagingLocationsClosedOnEveryCampaignDayLeaveNothingToWin() {
        FieldPlanProblem open = region(true);
        List<StagingLocation> closed = open.stagingLocations().stream()
                .map(s -> new StagingLocation(s.id(), s.name(), s.address(), s.point(),
                        List.of(new OpeningHours(LocalDate.of(2000, 1, 1), LocalTime.of(8, 0), LocalTime.of(9, 0))),
                        s.teamsPerSlot()))
                .toList();

        assertThat(FlowUpperBound.of(ProblemPreparer.prepare(open)).expectedVotes()).isPositive();
        assertThat(FlowUpperBound.of(ProblemPreparer.prepare(open.withStagingLocations(closed))).expectedVotes())
                .isZero();
    }
}
