package org.fieldplan.benchmarks.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.optimum.CpSatModel;
import org.fieldplan.benchmarks.optimum.CpSatResult;
import org.fieldplan.benchmarks.optimum.OptimumInstances;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.plan.DeploymentFigures;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The flow bound is an upper bound: no plan the solver produces (every new best of a run, on instances with uneven
 * attendance and with attendance 1) and no proven CP-SAT optimum of the votes-only objective exceeds it.
 */
class FlowUpperBoundTest {

    /** Micro-votes: CP-SAT's objective is FieldPlan's per-precinct rounded micro-votes. */
    private static final double ROUNDING = 1e-6;

    @ParameterizedTest(name = "{0} precincts x {1} volunteers, seed {2}, votes only {3}")
    @CsvSource({"50, 100, 7, false", "50, 100, 7, true", "120, 400, 3, false", "10, 20, 1, true"})
    void noPlanOfASolverRunExceedsTheBound(int precincts, int volunteers, long seed, boolean votesOnly) {
        var problem = new RegionGenerator().generate(precincts, volunteers, seed);
        FieldPlan prepared = ProblemPreparer.prepare(votesOnly ? BenchmarkProblems.votesOnly(problem) : problem);
        FieldPlanSolver solver = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(10_000));
        List<Double> planVotes = new ArrayList<>();
        planVotes.add(PlanSummary.of(solver.greedyBaseline(prepared)).expectedNetVotes());
        FieldPlan best = solver.solve(prepared.copyUnassigned(),
                plan -> planVotes.add(PlanSummary.of(plan).expectedNetVotes())).plan();
        planVotes.add(PlanSummary.of(best).expectedNetVotes());

        double bound = FlowUpperBound.of(prepared).expectedVotes();

        assertThat(planVotes).hasSizeGreaterThan(3).allSatisfy(votes -> assertThat(votes).isLessThanOrEqualTo(bound));
        // A bound, but not a vacuous one: within a third of the best plan found.
        assertThat(bound).isLessThan(1.35 * planVotes.get(planVotes.size() - 1));
    }

    @ParameterizedTest(name = "{0} precincts x {1} volunteers, seed {2}")
    @CsvSource({"6, 12, 1", "6, 12, 2", "8, 16, 1", "8, 16, 2", "10, 20, 1", "10, 20, 2"})
    void theProvenOptimumOfTheVotesOnlyObjectiveIsWithinTheBound(int precincts, int volunteers, long seed) {
        FieldPlan prepared = ProblemPreparer.prepare(BenchmarkProblems.votesOnly(
                OptimumInstances.generate(precincts, volunteers, seed)));
        CpSatResult optimum = CpSatModel.of(prepared).solve(Duration.ofSeconds(60), 2);
        assertThat(optimum.isOptimal()).as("CP-SAT proves the optimum").isTrue();
        double optimumVotes = PlanSummary.of(optimum.applyTo(prepared)).expectedNetVotes();

        double bound = FlowUpperBound.of(prepared).expectedVotes();

        assertThat(optimumVotes).isCloseTo(optimum.objective() * ROUNDING, org.assertj.core.data.Offset.offset(
                prepared.getPrecincts().size() * ROUNDING));
        assertThat(bound).isGreaterThanOrEqualTo(optimumVotes);
    }

    @Test
    void keepingTheTeamRulesNeverRaisesTheBoundAndLowersItWhereLoneUnitsPaid() {
        FieldPlan prepared = ProblemPreparer.prepare(BenchmarkProblems.votesOnly(
                new RegionGenerator().generate(50, 100, 7)));

        FlowUpperBound.Result dropped = FlowUpperBound.of(prepared, FlowUpperBound.TeamRules.DROPPED);
        FlowUpperBound.Result kept = FlowUpperBound.of(prepared);

        assertThat(dropped.lessThanTeamSlots()).as("the plain relaxation sends lone canvassers").isPositive();
        assertThat(kept.expectedVotes()).isLessThan(dropped.expectedVotes());
    }

    @Test
    void theOptimalFlowsCloseDistrictShareCountsItsShiftsByPrecinct() {
        FieldPlan prepared = ProblemPreparer.prepare(BenchmarkProblems.votesOnly(
                new RegionGenerator().generate(RegionSize.S, 7, RegionGenerator.ValueSpread.HEAVY_TAILED)));
        long closePrecincts = prepared.getPrecincts().stream().filter(DeploymentFigures::isClose).count();
        assertThat(closePrecincts).as("the region has close and safe precincts").isBetween(1L,
                prepared.getPrecincts().size() - 1L);

        double share = FlowUpperBound.of(prepared).closeShiftShare();

        assertThat(share).isStrictlyBetween(0.0, 1.0);
        // Close precincts are worth more per shift: the best flow sends them more than their share of precincts.
        assertThat(share).isGreaterThan(closePrecincts / (double) prepared.getPrecincts().size());
    }

    @Test
    void soloCanvassingAllowedDropsTheBuddyRuleFromTheBound() {
        var withBuddies = BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 100, 7));
        var solo = BenchmarkProblems.votesOnly(new RegionGenerator().generate(50, 100, 7));
        solo.weights().setBuddyRule(HardMediumSoftLongScore.ZERO);
        FieldPlan prepared = ProblemPreparer.prepare(solo);

        assertThatThrownBy(() -> FlowUpperBound.of(prepared, new FlowUpperBound.TeamRules(true, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("switch off");
        assertThat(FlowUpperBound.of(prepared).expectedVotes())
                .isGreaterThan(FlowUpperBound.of(ProblemPreparer.prepare(withBuddies)).expectedVotes());
    }

    @Test
    void refusesPinnedShifts() {
        FieldPlan prepared = OptimumInstances.prepared(6, 12, 1);
        Shift first = prepared.getShifts().get(0);
        List<Shift> shifts = new ArrayList<>(prepared.getShifts());
        shifts.set(0, new Shift(first.getVolunteer(), first.getSlot(), first.getCandidatePrecincts().get(0), true));

        assertThatThrownBy(() -> FlowUpperBound.of(prepared.withShifts(shifts)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinned");
    }
}
