package org.fieldplan.api.assignments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.springframework.stereotype.Service;

/**
 * Organizers' view of a job's best plan: who goes where, when, with whom and how far. An organizer sees only their
 * own volunteers; a teammate from another organizer appears by id, without a name.
 */
@Service
public class AssignmentService {

    /**
     * @param date only shifts on this local date; null for all
     * @param organizerId only this organizer's volunteers; null for all (an organizer caller always gets their own)
     * @throws ApiException 403 when an organizer asks for another organizer, 400 for an organizer the plan does not
     *         have, 409 before the job has a plan
     */
    public DailyAssignments daily(Job job, LocalDate date, String organizerId, Caller caller) {
        String organizer = organizerFor(caller, organizerId);
        FieldPlan plan = job.requireBestPlan();
        if (organizer != null && plan.getVolunteers().stream()
                .noneMatch(v -> organizer.equals(v.getOrganizerId()))) {
            throw ApiException.invalid("organizer", "no volunteer of this job has organizer \"" + organizer + "\"");
        }
        Map<String, List<Shift>> teams = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                teams.computeIfAbsent(shift.getTeamKey(), k -> new ArrayList<>()).add(shift);
            }
        }
        List<VolunteerAssignment> assignments = new ArrayList<>();
        Map<String, Volunteer> volunteers = new LinkedHashMap<>();
        plan.getShifts().stream()
                .filter(shift -> shift.getPrecinct() != null)
                .filter(shift -> date == null || shift.getSlot().getDay().equals(date))
                .filter(shift -> organizer == null || organizer.equals(shift.getVolunteer().getOrganizerId()))
                .filter(shift -> caller.maySee(shift.getVolunteer()))
                .sorted(Comparator.comparing((Shift s) -> s.getSlot().getStart())
                        .thenComparing(s -> s.getVolunteer().getId()))
                .forEach(shift -> {
                    assignments.add(toAssignment(shift, teams.get(shift.getTeamKey()), caller));
                    volunteers.put(shift.getVolunteer().getId(), shift.getVolunteer());
                });
        return new DailyAssignments(job.getId(), date, organizer, plan.getTimeZone(), assignments, volunteers);
    }

    /**
     * One volunteer's assignments over the whole plan (for their calendar).
     *
     * @throws ApiException 404 for a volunteer the plan does not have, 403 for another organizer's volunteer
     */
    public DailyAssignments forVolunteer(Job job, String volunteerId, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        Volunteer volunteer = plan.getVolunteers().stream().filter(v -> v.getId().equals(volunteerId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("volunteer", volunteerId));
        if (!caller.maySee(volunteer)) {
            throw ApiException.forbidden("volunteer " + volunteerId + " belongs to another organizer");
        }
        DailyAssignments all = daily(job, null, null, caller);
        List<VolunteerAssignment> own = all.assignments().stream()
                .filter(a -> a.volunteerId().equals(volunteerId)).toList();
        return new DailyAssignments(job.getId(), null, volunteer.getOrganizerId(), plan.getTimeZone(), own,
                Map.of(volunteerId, volunteer));
    }

    private static String organizerFor(Caller caller, String requested) {
        if (!caller.isOrganizer()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.organizerId())) {
            throw ApiException.forbidden("an organizer key may read only its own organizer's volunteers ("
                    + caller.organizerId() + ")");
        }
        return caller.organizerId();
    }

    /** The full name for whom the caller may see; a volunteer sees teammates' first names; else nothing. */
    private static String buddyName(Volunteer buddy, Caller caller) {
        if (caller.maySee(buddy)) {
            return buddy.getName();
        }
        return caller.role() == Role.VOLUNTEER ? buddy.getName().strip().split("\\s+")[0] : null;
    }

    private static VolunteerAssignment toAssignment(Shift shift, List<Shift> team, Caller caller) {
        Volunteer volunteer = shift.getVolunteer();
        var precinct = shift.getPrecinct();
        List<VolunteerAssignment.Buddy> buddies = team.stream()
                .filter(other -> !Objects.equals(other.getVolunteer(), volunteer))
                .map(other -> new VolunteerAssignment.Buddy(other.getVolunteer().getId(),
                        buddyName(other.getVolunteer(), caller)))
                .sorted(Comparator.comparing(VolunteerAssignment.Buddy::volunteerId))
                .toList();
        return new VolunteerAssignment(volunteer.getId(), volunteer.getName(), volunteer.getOrganizerId(),
                shift.getSlot().getId(), shift.getSlot().getStart(), shift.getSlot().getEnd(),
                new VolunteerAssignment.PrecinctInfo(precinct.getId(), precinct.getName(), precinct.getCentroid(),
                        precinct.getGeometry()),
                buddies, shift.getTravelMinutes(), null, null);
    }
}
