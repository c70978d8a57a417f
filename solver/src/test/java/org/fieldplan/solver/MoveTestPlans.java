package org.fieldplan.solver;

import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/** The shared set-up of the move tests: the product's score director on a small plan, and look-ups by id. */
final class MoveTestPlans {

    private MoveTestPlans() {
    }

    static final String AM = "sat-am";
    static final String PM = "sat-pm";

    /**
     * Two nearby precincts everybody can reach (P0, P1), one 100 km away that nobody can (FAR); a morning and an
     * afternoon slot; volunteers v0, v1, … allowed one shift each; nothing assigned.
     */
    static FieldPlan twoNearbyPrecincts(String name, int volunteerCount) {
        List<Precinct> precincts = List.of(precinct("P0", -71.40, 41.82, 0.6, Set.of(), null),
                precinct("P1", -71.39, 41.82, 0.6, Set.of(), null),
                precinct("FAR", -70.20, 41.82, 0.6, Set.of(), null));
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < volunteerCount; i++) {
            volunteers.add(volunteer("v" + i).maxShifts(1, 1).build());
        }
        return ProblemPreparer.prepare(new FieldPlanProblem(name, "America/New_York", null, null, List.of(),
                List.of(slot(AM, 0, 9), slot(PM, 0, 13)), precincts, volunteers, null, List.of()));
    }

    /** A score director of the product's configuration working on {@code plan}. */
    static InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector(FieldPlan plan) {
        @SuppressWarnings("unchecked")
        DefaultSolverFactory<FieldPlan> solverFactory = (DefaultSolverFactory<FieldPlan>) SolverFactory
                .<FieldPlan>create(FieldPlanSolverConfig.create(Duration.ofSeconds(1)));
        InnerScoreDirector<FieldPlan, HardMediumSoftLongScore> scoreDirector = solverFactory
                .<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(plan);
        return scoreDirector;
    }

    static Shift shift(FieldPlan plan, String volunteerId, String slotId) {
        return plan.getShifts().stream()
                .filter(shift -> shift.getVolunteer().getId().equals(volunteerId)
                        && shift.getSlot().getId().equals(slotId))
                .findFirst().orElseThrow();
    }

    /** The id of the precinct the volunteer works in the slot, or null. */
    static String precinctOf(FieldPlan plan, String volunteerId, String slotId) {
        Precinct precinct = shift(plan, volunteerId, slotId).getPrecinct();
        return precinct == null ? null : precinct.getId();
    }

    static Precinct precinctById(FieldPlan plan, String id) {
        return plan.getPrecincts().stream().filter(precinct -> precinct.getId().equals(id)).findFirst().orElseThrow();
    }
}
