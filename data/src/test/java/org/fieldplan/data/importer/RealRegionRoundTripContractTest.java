package org.fieldplan.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.data.problem.BuiltProblem;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.GotvCalendar;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * On every store: Rhode Island with 2,000 volunteers placed from census population is stored,
 * a problem is built from the store and solved with the store's candidate pairs, the plan is stored and reloaded,
 * and the reloaded plan has the same assignments and rescores to the same score.
 */
abstract class RealRegionRoundTripContractTest {

    private static final int VOLUNTEERS = 2_000;
    private static final long SEED = 7;
    private static final long SCORE_CALCULATIONS = 200_000;

    /** The stores under test. */
    protected abstract DataStores createStores();

    @Test
    void aSolvedRhodeIslandPlanReloadsWithTheSameAssignmentsAndScore() {
        DataStores stores = createStores();
        String regionId = "ri-" + UUID.randomUUID();
        new SampleRegions(stores.regions()).real(regionId, SharedData.file("precincts/ri-precincts.geojson"),
                PrecinctMapping.preset("rhode-island"), SharedData.file("census/cenpop2020_bg_RI.csv"), VOLUNTEERS,
                SEED, null);
        ProblemQuery query = ProblemQuery.of(regionId, GotvCalendar.weekendSlots().get(0).getDay(),
                GotvCalendar.weekendSlots().get(GotvCalendar.weekendSlots().size() - 1).getDay());

        BuiltProblem built = stores.problemBuilder().build(query);
        assertThat(built.problem().precincts()).hasSize(419);
        assertThat(built.problem().volunteers().size() + built.issues().size()).isEqualTo(VOLUNTEERS);
        FieldPlanSolver solver = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(SCORE_CALCULATIONS));
        FieldPlan solved = solver.solve(prepare(stores, regionId, built.problem()), best -> { }).plan();
        HardMediumSoftLongScore score = solved.getScore();
        assertThat(score.hardScore()).as("hard violations").isZero();
        List<Assignment> assignments = ProblemPreparer.assignmentsOf(solved);
        assertThat(assignments).hasSizeGreaterThan(VOLUNTEERS / 2);

        long planId = stores.plans().save(new NewPlan(query, assignments, score.toString(), PlanStatus.SOLVED));
        StoredPlan reloaded = stores.plans().load(planId).orElseThrow();

        assertThat(reloaded.solverAssignments()).isEqualTo(assignments);
        assertThat(reloaded.score()).isEqualTo(score.toString());
        FieldPlan rebuilt = prepare(stores, regionId, stores.problemBuilder().forPlan(reloaded).problem());
        assertThat(solver.score(rebuilt)).isEqualTo(score);
    }

    private static FieldPlan prepare(DataStores stores, String regionId, FieldPlanProblem problem) {
        return ProblemPreparer.prepare(problem, stores.candidatePairs().compute(regionId, problem));
    }
}
