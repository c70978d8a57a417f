package org.fieldplan.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * Makes a greedy plan keep the minimum deployment length, as an organizer would: a deployment shorter than its
 * offer's minimum is extended to the volunteer's neighbouring slots that day at the same precinct (where it has room,
 * its languages stay covered and the volunteer's shift is free or leaves a team of two or more that still speaks its
 * languages behind), or else called off (the volunteer stays
 * home those slots). A canvasser left alone by a call-off goes home too (as does a team left without a speaker of its
 * precinct's language), and the pass repeats until nothing changes
 * (after a few rounds only call-offs, so it ends).
 * Works on an assignment map (shift → precinct or null) in place; pinned shifts are never changed.
 */
final class DeploymentRepair {

    private static final int MAX_ROUNDS = 5;

    private final Map<Shift, Precinct> assignment;
    private final boolean pairUp;
    private final Map<String, List<Shift>> teams = new HashMap<>();

    private DeploymentRepair(Map<Shift, Precinct> assignment, boolean pairUp) {
        this.assignment = assignment;
        this.pairUp = pairUp;
    }

    /** Repairs {@code assignment} in place; {@code pairUp} when the buddy rule is on. */
    static void repair(Map<Shift, Precinct> assignment, boolean pairUp) {
        DeploymentRepair repair = new DeploymentRepair(assignment, pairUp);
        boolean changed = true;
        for (int round = 0; round < MAX_ROUNDS && changed; round++) {
            changed = repair.round(true);
        }
        // Only call-offs from here: each round sends shifts home, so this ends.
        while (changed) {
            changed = repair.round(false);
        }
    }

    /** One pass over the short deployments, extending ({@code mayExtend}) or calling them off. */
    private boolean round(boolean mayExtend) {
        teams.clear();
        Map<String, List<Shift>> deployments = new LinkedHashMap<>();
        Map<String, List<Shift>> dayShifts = new HashMap<>();
        assignment.forEach((shift, precinct) -> {
            dayShifts.computeIfAbsent(dayKey(shift), k -> new ArrayList<>()).add(shift);
            if (precinct != null) {
                teams.computeIfAbsent(teamKey(precinct, shift.getSlot()), k -> new ArrayList<>()).add(shift);
                if (shift.getVolunteer().travelMinutesTo(precinct) > shift.getVolunteer().getMaxTravelMinutes()) {
                    deployments.computeIfAbsent(dayKey(shift) + "|" + precinct.getId(), k -> new ArrayList<>())
                            .add(shift);
                }
            }
        });
        boolean changed = false;
        for (List<Shift> deployment : deployments.values()) {
            Shift first = deployment.get(0);
            Precinct precinct = assignment.get(first);
            DeploymentOffer offer = first.getVolunteer().deploymentOfferOn(first.getSlot().getDay());
            int required = offer == null ? 0 : offer.minSlots();
            if (DeploymentOffer.longestConsecutiveRun(deployment.stream().map(Shift::getSlot).toList()) >= required) {
                continue;
            }
            changed = true;
            if (!mayExtend || !extend(dayShifts.get(dayKey(first)), precinct, required)) {
                deployment.stream().filter(shift -> !shift.isPinned()).forEach(this::sendHome);
            }
        }
        if (changed) {
            teams.values().stream().filter(this::brokenByCallOff).toList().forEach(team -> List.copyOf(team).stream()
                    .filter(member -> !member.isPinned()).forEach(this::sendHome));
        }
        return changed;
    }

    /** A team left alone (buddy rule on) or without a speaker of its precinct's languages. */
    private boolean brokenByCallOff(List<Shift> team) {
        if (team.isEmpty()) {
            return false;
        }
        Precinct precinct = assignment.get(team.get(0));
        return pairUp && team.size() == 1 || !keepsLanguages(team, null, precinct);
    }

    /** Puts {@code required} consecutive shifts of the volunteer's day at {@code precinct}, if some window allows. */
    private boolean extend(List<Shift> day, Precinct precinct, int required) {
        List<Shift> ordered = day.stream().sorted(Comparator.comparing((Shift s) -> s.getSlot().getStart())).toList();
        Volunteer volunteer = ordered.get(0).getVolunteer();
        long assigned = assignment.entrySet().stream()
                .filter(e -> e.getKey().getVolunteer() == volunteer && e.getValue() != null).count();
        long assignedToday = ordered.stream().filter(s -> assignment.get(s) != null).count();
        for (int start = 0; start + required <= ordered.size(); start++) {
            List<Shift> window = ordered.subList(start, start + required);
            List<TimeSlot> slots = window.stream().map(Shift::getSlot).toList();
            long added = window.stream().filter(s -> assignment.get(s) == null).count();
            if (DeploymentOffer.longestConsecutiveRun(slots) >= required && window.stream().allMatch(
                    s -> canMoveTo(s, precinct)) && assigned + added <= volunteer.getMaxShifts()
                    && assignedToday + added <= volunteer.getMaxShiftsPerDay()) {
                window.forEach(s -> moveTo(s, precinct));
                return true;
            }
        }
        return false;
    }

    private boolean canMoveTo(Shift shift, Precinct precinct) {
        Precinct current = assignment.get(shift);
        if (current == precinct) {
            return true;
        }
        List<Shift> left = current == null ? List.of() : team(current, shift.getSlot());
        List<Shift> joined = team(precinct, shift.getSlot());
        return !shift.isPinned() && shift.getCandidatePrecincts().contains(precinct)
                && joined.size() < precinct.getCapacityPerSlot()
                && precinct.getRequiredLanguages().stream().allMatch(language -> shift.getVolunteer().speaks(language)
                        || joined.stream().anyMatch(member -> member.getVolunteer().speaks(language)))
                && (current == null || !pairUp || left.size() >= 3 && keepsLanguages(left, shift, current));
    }

    /** Whether the team a shift leaves still speaks its precinct's languages without it. */
    private static boolean keepsLanguages(List<Shift> team, Shift leaving, Precinct precinct) {
        return precinct.getRequiredLanguages().stream().allMatch(language -> team.stream()
                .anyMatch(member -> member != leaving && member.getVolunteer().speaks(language)));
    }

    private void moveTo(Shift shift, Precinct precinct) {
        if (assignment.get(shift) != precinct) {
            sendHome(shift);
            assignment.put(shift, precinct);
            team(precinct, shift.getSlot()).add(shift);
        }
    }

    private void sendHome(Shift shift) {
        Precinct current = assignment.put(shift, null);
        if (current != null) {
            team(current, shift.getSlot()).remove(shift);
        }
    }

    private List<Shift> team(Precinct precinct, TimeSlot slot) {
        return teams.computeIfAbsent(teamKey(precinct, slot), k -> new ArrayList<>());
    }

    private static String teamKey(Precinct precinct, TimeSlot slot) {
        return precinct.getId() + "@" + slot.getId();
    }

    private static String dayKey(Shift shift) {
        LocalDate day = shift.getSlot().getDay();
        return shift.getVolunteer().getId() + "@" + day;
    }
}
