package org.fieldplan.api.replan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Which shifts a repair may change: everything the news may have made infeasible, and who could help there, and
 * nothing else (the rest stays pinned). The predicates name shifts by id and facts, never by object, because a repair
 * queued behind another starts from that one's result.
 */
final class RepairScope {

    private RepairScope() {
    }

    /**
     * After a cancellation: the cancelled shifts' teammates (to pair them again or send them home), the riders of a
     * cancelled driver (to ride with another driver or be moved) and whoever was not sent out in those slots and still
     * has room that day.
     */
    static Predicate<Shift> afterCancellation(FieldPlan plan, List<Shift> cancelled) {
        Set<String> slotIds = new HashSet<>();
        Set<String> teams = new HashSet<>();
        Set<String> cars = new HashSet<>();
        for (Shift shift : cancelled) {
            slotIds.add(shift.getSlot().getId());
            if (shift.getPrecinct() != null) {
                teams.add(shift.getTeamKey());
                cars.add(shift.getId());
            }
        }
        Set<String> idle = idleWithRoom(plan, slot -> slotIds.contains(slot.getId()), null);
        return s -> (s.getPrecinct() != null && teams.contains(s.getTeamKey())) || idle.contains(s.getId())
                || (s.getRide() != null && cars.contains(s.getRide().getId() + "@" + s.getSlot().getId()));
    }

    /**
     * After a field report: the precinct's remaining doors, and with them its capacity, changed for every slot to
     * come, so its team in every later slot that has not started reopens, with whoever was not sent out there, can
     * reach the precinct and has room that day.
     */
    static Predicate<Shift> afterFieldReport(FieldPlan plan, Shift reported, Predicate<Shift> started) {
        Precinct precinct = reported.getPrecinct();
        Set<String> slotIds = new HashSet<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() == precinct && !started.test(shift)
                    && shift.getSlot().getStart().isAfter(reported.getSlot().getStart())) {
                slotIds.add(shift.getSlot().getId());
            }
        }
        Set<String> idle = idleWithRoom(plan, slot -> slotIds.contains(slot.getId()), precinct);
        return s -> (slotIds.contains(s.getSlot().getId()) && s.getPrecinct() == precinct) || idle.contains(s.getId());
    }

    /** After new shifts were offered: whoever is not sent out in those slots (the newcomer too), to pair up. */
    static Predicate<Shift> idleIn(Collection<String> slotIds) {
        return s -> s.getPrecinct() == null && slotIds.contains(s.getSlot().getId());
    }

    /**
     * The unassigned shifts in the slots whose volunteer could take them without breaking their shift limits, and
     * (if {@code reaching} is given) can reach that precinct. Opening the others would only let the search trade one
     * broken rule for another, e.g. send someone whose day is full to keep a canvasser who cannot move company.
     */
    private static Set<String> idleWithRoom(FieldPlan plan, Predicate<TimeSlot> inSlots, Precinct reaching) {
        Map<Volunteer, Integer> shifts = new HashMap<>();
        Map<Volunteer, Map<LocalDate, Integer>> perDay = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                shifts.merge(shift.getVolunteer(), 1, Integer::sum);
                perDay.computeIfAbsent(shift.getVolunteer(), v -> new HashMap<>())
                        .merge(shift.getSlot().getDay(), 1, Integer::sum);
            }
        }
        Set<String> idle = new HashSet<>();
        for (Shift shift : plan.getShifts()) {
            Volunteer volunteer = shift.getVolunteer();
            if (shift.getPrecinct() == null && inSlots.test(shift.getSlot())
                    && (reaching == null || shift.getCandidatePrecincts().contains(reaching))
                    && shifts.getOrDefault(volunteer, 0) < volunteer.getMaxShifts()
                    && perDay.getOrDefault(volunteer, Map.of()).getOrDefault(shift.getSlot().getDay(), 0)
                            < volunteer.getMaxShiftsPerDay()) {
                idle.add(shift.getId());
            }
        }
        return idle;
    }
}
