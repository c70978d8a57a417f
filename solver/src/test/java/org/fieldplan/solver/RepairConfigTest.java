package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The repair configuration ends a solve once its best plan stops improving, long before its time limit, and moves
 * only the shifts left unpinned.
 */
class RepairConfigTest {

    /** The time limit is an hour: only the unimproved-time termination can end the solve within the guard. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRepairEndsWhenItStopsImprovingAndMovesOnlyOpenShifts() {
        // The greedy organizer's plan as the plan to repair (a count-limited solve can spin on this small problem
        // when no move is doable, as no score is calculated then).
        FieldPlan solved = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1)).greedyBaseline(problem());
        List<Shift> frozen = new ArrayList<>();
        for (Shift shift : solved.getShifts()) {
            // Reopen Saturday afternoon only, as a cancellation there would.
            frozen.add(new Shift(shift.getVolunteer(), shift.getSlot(), shift.getPrecinct(),
                    shift.isPinned() || !shift.getSlot().getId().equals("sat-pm")));
        }

        FieldPlan repaired = SolverFactory.<FieldPlan>create(
                FieldPlanSolverConfig.createRepair(Duration.ofMillis(50), Duration.ofHours(1))).buildSolver()
                .solve(solved.withShifts(frozen));

        for (int i = 0; i < frozen.size(); i++) {
            if (frozen.get(i).isPinned()) {
                assertThat(repaired.getShifts().get(i).getPrecinct()).as(frozen.get(i).getId())
                        .isSameAs(frozen.get(i).getPrecinct());
            }
        }
        assertThat(repaired.getScore().hardScore()).isGreaterThanOrEqualTo(solved.getScore().hardScore());
    }

    private static FieldPlan problem() {
        List<Precinct> precincts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            precincts.add(precinct("P" + i, -71.42 + 0.01 * (i % 3), 41.81 + 0.01 * (i / 3), 0.5, Set.of(), null));
        }
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            volunteers.add(volunteer("v" + i).attendance(0.8).maxShifts(2, 2).available(0, 8, 17).build());
        }
        return ProblemPreparer.prepare(new FieldPlanProblem("repair", "America/New_York", null, null, List.of(),
                List.of(slot("sat-am", 0, 9), slot("sat-pm", 0, 13)), precincts, volunteers, null, List.of()));
    }
}
