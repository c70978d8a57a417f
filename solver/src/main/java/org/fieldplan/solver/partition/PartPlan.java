package org.fieldplan.solver.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part as a plan of its own: its precincts, copies of its volunteers whose candidates are the part's precincts
 * only, and a fresh shift per shift of theirs (at its start precinct when that is in the part); then the part's fixed
 * shifts, pinned. {@code originals} are the whole plan's shifts of the part's volunteers, in the order of the part
 * plan's first shifts. Built from a {@link PartSpec}, so the same part can be built from the same whole plan
 * anywhere.
 */
public record PartPlan(FieldPlan plan, List<Shift> originals, PartSpec spec) {

    private static final Logger LOG = LoggerFactory.getLogger(PartPlan.class);

    static PartPlan of(FieldPlan whole, RegionPartition.Part part, Map<Shift, Precinct> assigned) {
        return of(whole, PartSpec.of(whole, part, assigned));
    }

    /**
     * The part {@code spec} names, of {@code whole}.
     *
     * @throws IllegalArgumentException if the spec names what the plan does not hold (another problem's part)
     */
    public static PartPlan of(FieldPlan whole, PartSpec spec) {
        Map<String, Precinct> precinctById = new HashMap<>();
        whole.getPrecincts().forEach(precinct -> precinctById.put(precinct.getId(), precinct));
        List<Precinct> partPrecincts = spec.precinctIds().stream().map(id -> known(precinctById, id)).toList();
        Set<Precinct> precincts = Collections.newSetFromMap(new IdentityHashMap<>());
        precincts.addAll(partPrecincts);
        Set<String> volunteerIds = Set.copyOf(spec.volunteerIds());
        Map<Volunteer, Volunteer> copies = new IdentityHashMap<>();
        Map<String, Volunteer> copyById = new HashMap<>();
        for (Volunteer volunteer : whole.getVolunteers()) {
            if (volunteerIds.contains(volunteer.getId())) {
                Volunteer copy = volunteer.restrictedTo(precincts);
                copies.put(volunteer, copy);
                copyById.put(volunteer.getId(), copy);
            }
        }
        List<Volunteer> volunteers = spec.volunteerIds().stream().map(id -> known(copyById, id)).toList();
        List<Shift> shifts = new ArrayList<>();
        List<Shift> originals = new ArrayList<>();
        Map<String, Shift> shiftById = spec.fixed().isEmpty() ? Map.of() : new HashMap<>();
        for (Shift shift : whole.getShifts()) {
            Volunteer copy = copies.get(shift.getVolunteer());
            if (copy != null) {
                if (originals.size() == spec.start().size()) {
                    throw new IllegalArgumentException("The part has more shifts than its spec");
                }
                String startId = spec.start().get(originals.size());
                Precinct precinct = startId == null ? null : known(precinctById, startId);
                shifts.add(new Shift(copy, shift.getSlot(), precincts.contains(precinct) ? precinct : null,
                        shift.isPinned()));
                originals.add(shift);
            }
            if (!spec.fixed().isEmpty()) {
                shiftById.put(shift.getId(), shift);
            }
        }
        if (originals.size() != spec.start().size()) {
            throw new IllegalArgumentException("The part has fewer shifts than its spec");
        }
        for (PartSpec.FixedShift fixed : spec.fixed()) {
            Shift shift = known(shiftById, fixed.shiftId());
            shifts.add(new Shift(shift.getVolunteer(), shift.getSlot(), known(precinctById, fixed.precinctId()), true));
        }
        FieldPlan plan = new FieldPlan(whole.getName(), whole.getTimeZone(), whole.getVoteModel(), whole.getTravel(),
                whole.getDistricts(), whole.getTimeSlots(), partPrecincts, volunteers, shifts, whole.getWeights());
        return new PartPlan(plan, originals, spec);
    }

    private static <T> T known(Map<String, T> byId, String id) {
        T found = byId.get(id);
        if (found == null) {
            throw new IllegalArgumentException("The plan holds no " + id + " named by the part");
        }
        return found;
    }

    /** The part's best plan within {@code limit}: the precinct id (null: unassigned) of every original shift. */
    public List<String> solve(Duration limit) {
        FieldPlan best = new FieldPlanSolver(FieldPlanSolverConfig.createWhole(limit))
                .solve(plan, newBest -> { }).plan();
        LOG.info("Part of {}: {} precincts, {} shifts, {} ms: {}", plan.getName(), plan.getPrecincts().size(),
                plan.getShifts().size(), limit.toMillis(), best.getScore());
        List<String> precinctIds = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            Precinct precinct = best.getShifts().get(i).getPrecinct();
            precinctIds.add(precinct == null ? null : precinct.getId());
        }
        return precinctIds;
    }

    /**
     * A result of {@link #solve} as decisions on the whole plan's shifts.
     *
     * @throws IllegalArgumentException if it does not fit the part (another part's result)
     */
    public List<GreedyPlanner.Decision> decisions(List<String> precinctIds) {
        if (precinctIds.size() != originals.size()) {
            throw new IllegalArgumentException("A result of " + precinctIds.size() + " shifts for a part of "
                    + originals.size());
        }
        Map<String, Precinct> precinctById = new HashMap<>();
        plan.getPrecincts().forEach(precinct -> precinctById.put(precinct.getId(), precinct));
        List<GreedyPlanner.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            String id = precinctIds.get(i);
            decisions.add(new GreedyPlanner.Decision(originals.get(i), id == null ? null : known(precinctById, id)));
        }
        return decisions;
    }
}
