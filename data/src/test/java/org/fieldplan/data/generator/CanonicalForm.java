package org.fieldplan.data.generator;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;

/**
 * A text rendering of every stated field of a problem, with sets sorted (the domain's {@code Set.copyOf} iterates in
 * a per-JVM random order), so two problems are the same exactly when their renderings are equal.
 */
final class CanonicalForm {

    private CanonicalForm() {
    }

    static String render(FieldPlanProblem problem) {
        StringBuilder out = new StringBuilder();
        out.append(problem.name()).append('|').append(problem.timeZone()).append('|').append(problem.voteModel())
                .append('|').append(problem.travel()).append('|').append(problem.districts()).append('|')
                .append(problem.assignments()).append('\n');
        for (TimeSlot slot : problem.timeSlots()) {
            out.append(slot.getId()).append(' ').append(slot.getStart()).append(' ').append(slot.getEnd()).append('\n');
        }
        problem.precincts().forEach(precinct -> out.append(render(precinct)).append('\n'));
        problem.volunteers().forEach(volunteer -> out.append(render(volunteer)).append('\n'));
        return out.toString();
    }

    private static String render(Precinct p) {
        return String.join("|", p.getId(), p.getName(), p.getGeometry().toText(),
                String.valueOf(p.getGeometry().getSRID()), String.valueOf(p.getRegisteredVoters()),
                String.valueOf(p.getExpectedTurnout()), String.valueOf(p.getSupportShare()),
                String.valueOf(p.getDistrictIds()), String.valueOf(p.getStatedPivotality()),
                String.valueOf(p.getStatedTargetDoors()), sorted(p.getRequiredLanguages()),
                sorted(p.getRequiredSkills()), String.valueOf(p.getStatedCapacityPerSlot()),
                String.valueOf(p.getStatedDoorsPerHour()), String.valueOf(p.getDoorsAlreadyKnocked()));
    }

    private static String render(Volunteer v) {
        return String.join("|", v.getId(), v.getName(),
                String.format(Locale.ROOT, "%.12f %.12f", v.getHome().getX(), v.getHome().getY()),
                sorted(v.getSkills()), sorted(v.getLanguages()), String.valueOf(v.getTravelMode()),
                String.valueOf(v.getMaxTravelMinutes()), String.valueOf(v.getAvailability()),
                String.valueOf(v.getMaxShifts()), String.valueOf(v.getMaxShiftsPerDay()), v.getOrganizerId(),
                String.valueOf(v.getAttendanceProbability()), sorted(v.getPreferredPrecinctIds()));
    }

    private static String sorted(Collection<?> items) {
        return items.stream().map(String::valueOf).sorted().collect(Collectors.joining(",", "[", "]"));
    }
}
