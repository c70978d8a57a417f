package org.fieldplan.api.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.solver.SolverPool;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;

/**
 * A cancellation as the repair lane applies it: the change queued before the solve starts, on a plan frozen but for
 * the shifts the repair may move. Solves end after a number of score calculations, so every run is the same.
 */
class CancelShiftsTest {

    private static final FieldPlanSolver SOLVER = new FieldPlanSolver(
            FieldPlanSolverConfig.createEvaluationLimited(20_000));
    private final FieldPlanProblem problem = new RegionGenerator().generate(12, 30, 7);
    private final FieldPlan solved = SOLVER.solve(ProblemPreparer.prepare(problem), best -> { }).plan();

    @Test
    void aVolunteerWhoCancelsEveryShiftScoresAsWhenThePlanIsLoadedAgain() {
        Volunteer volunteer = solved.getShifts().stream().filter(s -> s.getPrecinct() != null)
                .map(Shift::getVolunteer).findFirst().orElseThrow();
        List<TimeSlot> slots = solved.getShifts().stream().filter(s -> s.getVolunteer() == volunteer)
                .map(Shift::getSlot).toList();
        Set<String> slotIds = slots.stream().map(TimeSlot::getId).collect(Collectors.toSet());

        FieldPlan after = repair(solved, new CancelShifts(volunteer.getId(), slotIds), s -> true, 20_000);

        // What a restart or another instance loads: the stored problem, whose availability lost those slots.
        Volunteer stated = problem.volunteers().stream().filter(v -> v.getId().equals(volunteer.getId()))
                .findFirst().orElseThrow();
        FieldPlan reloaded = ProblemPreparer.prepare(problem.withVolunteer(stated.withoutSlots(slots))
                .withAssignments(ProblemPreparer.assignmentsOf(after)));
        assertThat(after.getScore()).isEqualTo(SOLVER.score(reloaded));
    }

    @Test
    void aTeammateLeftAloneIsPairedOrSentHomeAtOnce() {
        Map<String, List<Shift>> teams = solved.getShifts().stream().filter(s -> s.getPrecinct() != null)
                .collect(Collectors.groupingBy(Shift::getTeamKey));
        Shift cancelled = teams.values().stream().filter(team -> team.size() == 2).findFirst().orElseThrow().get(0);
        String slotId = cancelled.getSlot().getId();
        Predicate<Shift> open = s -> s.getSlot().getId().equals(slotId)
                && (s.getPrecinct() == null || s.getTeamKey().equals(cancelled.getTeamKey()));

        // Two score calculations (the restart's and the first phase's): no local search, the first phase has to do it.
        FieldPlan after = repair(solved, new CancelShifts(cancelled.getVolunteer().getId(), Set.of(slotId)), open,
                2);

        assertThat(after.getScore().hardScore()).as("hard score after the repair").isZero();
    }

    private static FieldPlan repair(FieldPlan plan, ProblemChange<FieldPlan> change, Predicate<Shift> open,
            long scoreCalculations) {
        List<Shift> frozen = new ArrayList<>();
        for (Shift s : plan.getShifts()) {
            frozen.add(new Shift(s.getVolunteer(), s.getSlot(), s.getPrecinct(), s.isPinned() || !open.test(s)));
        }
        FieldPlan start = plan.withShifts(frozen);
        CompletableFuture<FieldPlan> repaired = new CompletableFuture<>();
        try (SolverPool<FieldPlan> lane = new SolverPool<>(SolverFactory.create(
                FieldPlanSolverConfig.createEvaluationLimited(scoreCalculations)), 1, "test-repairs")) {
            lane.solveAndListen("repair", id -> {
                lane.addProblemChange(id, change);
                return start;
            }, best -> { }, repaired::complete, (id, failure) -> repaired.completeExceptionally(failure));
            return repaired.join();
        }
    }
}
