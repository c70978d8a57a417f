package org.fieldplan.api.assignments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.api.cache.PlanRenderCache;
import org.fieldplan.api.cache.RenderedAnswer;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.streets.MeetingPoint;
import org.fieldplan.data.streets.StreetStore;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.Volunteer;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Organizers' view of a job's best plan: who goes where, when, with whom and how far. An organizer sees only their
 * own volunteers; a teammate from another organizer appears by id, without a name.
 */
@Service
public class AssignmentService {

    /** What a day's rows depend on besides the plan; {@code viewer} is the organizer key's organizer, if any. */
    private record RowsKey(String jobId, LocalDate date, String organizerId, String viewer, boolean geometry) {
    }

    /**
     * What a rendered sheet depends on besides its sources: its rows, the format and, on a sheet with links, the
     * address they start with (null without links).
     */
    private record SheetKey(RowsKey rows, SheetFormat format, String linkBase) {
    }

    /** What a rendered sheet is rendered from: the plan and the count of the job's people changes. */
    private record SheetSource(FieldPlan plan, long peopleVersion) {
    }

    /** A rendered sheet and when its first link expires (null: no links). */
    private record PeopleAnswer(RenderedAnswer answer, Instant validUntil) {
    }

    private final PlanRenderCache rendered;
    private final ObjectMapper json;
    private final StreetStore streets;

    public AssignmentService(PlanRenderCache rendered, ObjectMapper json, StreetStore streets) {
        this.rendered = rendered;
        this.json = json;
        this.streets = streets;
    }

    /**
     * The day's sheet in a format. Its rows are built once per plan, date, organizer and viewer, and the answer is
     * rendered once per those rows, the format and the job's count of people changes (statuses and links change
     * without the plan: a volunteer confirms, a link is revoked), then served from the cache until either changes or
     * a link on it expires: a request costs one read of that count, not of the statuses and links. Errors are those
     * of {@link #daily}.
     *
     * @param geometry whether to inline each precinct's polygon (else the sheet names precincts by id, with their
     *     centroid; the polygons come from the job's precinct layer)
     * @param links whether to give each volunteer's personal link; null for the default: on one organizer's sheet
     *     (an organizer's own, or a strategist's with {@code organizerId}), not on the sheet of every organizer
     * @param people the confirmation statuses and links of the rows
     */
    public RenderedAnswer sheet(Job job, LocalDate date, String organizerId, Caller caller, SheetFormat format,
            boolean geometry, Boolean links, PeopleColumns people) {
        String organizer = organizerFor(caller, organizerId);
        boolean withLinks = links != null ? links : organizer != null;
        SheetSource source = new SheetSource(job.requireBestPlan(), people.version());
        FieldPlan plan = source.plan();
        RowsKey rowsKey = new RowsKey(job.getId(), date, organizer, caller.isOrganizer() ? caller.organizerId() : null,
                geometry);
        SheetKey sheetKey = new SheetKey(rowsKey, format, withLinks ? people.linkBase() : null);
        return rendered.get(sheetKey, source, () -> {
            DailyAssignments rows = rendered.get(rowsKey, plan,
                    () -> daily(job, plan, date, organizer, caller, geometry));
            SheetPeopleView view = people.view(rows, withLinks);
            return new PeopleAnswer(render(view.applyTo(rows), format), view.validUntil());
        }, PeopleAnswer::validUntil).answer();
    }

    private RenderedAnswer render(DailyAssignments sheet, SheetFormat format) {
        try {
            byte[] body = switch (format) {
                case JSON -> json.writeValueAsBytes(sheet);
                case CSV -> AssignmentCsv.write(sheet).getBytes(StandardCharsets.UTF_8);
                case GEOJSON -> json.writeValueAsBytes(AssignmentGeoJson.write(sheet));
            };
            return RenderedAnswer.of(format.mediaType(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the sheet of job " + sheet.jobId(), e);
        }
    }

    /**
     * @param date only shifts on this local date; null for all
     * @param organizerId only this organizer's volunteers; null for all (an organizer caller always gets their own)
     * @throws ApiException 403 when an organizer asks for another organizer, 400 for an organizer the plan does not
     *         have, 409 before the job has a plan
     */
    public DailyAssignments daily(Job job, LocalDate date, String organizerId, Caller caller) {
        return daily(job, job.requireBestPlan(), date, organizerFor(caller, organizerId), caller, true);
    }

    private DailyAssignments daily(Job job, FieldPlan plan, LocalDate date, String organizer, Caller caller,
            boolean geometry) {
        if (organizer != null && plan.getVolunteers().stream()
                .noneMatch(v -> organizer.equals(v.getOrganizerId()))) {
            throw ApiException.invalid("organizer", "no volunteer of this job has organizer \"" + organizer + "\"");
        }
        Map<String, List<Shift>> teams = teams(plan);
        Map<String, List<Shift>> riders = riders(plan);
        List<VolunteerAssignment> assignments = new ArrayList<>();
        Map<String, Volunteer> volunteers = new LinkedHashMap<>();
        Map<String, MeetingPoint> meetingPoints = meetingPoints(job);
        plan.getShifts().stream()
                .filter(shift -> shift.getPrecinct() != null)
                .filter(shift -> date == null || shift.getSlot().getDay().equals(date))
                .filter(shift -> organizer == null || organizer.equals(shift.getVolunteer().getOrganizerId()))
                .filter(shift -> caller.maySee(shift.getVolunteer()))
                .sorted(Comparator.comparing((Shift s) -> s.getSlot().getStart())
                        .thenComparing(s -> s.getVolunteer().getId()))
                .forEach(shift -> {
                    assignments.add(toAssignment(shift, teams.get(shift.getTeamKey()), riders, caller, geometry,
                            meetingPoints.get(shift.getPrecinct().getId())));
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
        return forVolunteer(job, job.requireBestPlan(), volunteerId, caller, true);
    }

    /** The same from a given plan of the job (e.g. a repair's result), polygons left out unless {@code geometry}. */
    private DailyAssignments forVolunteer(Job job, FieldPlan plan, String volunteerId, Caller caller,
            boolean geometry) {
        Volunteer volunteer = plan.getVolunteers().stream().filter(v -> v.getId().equals(volunteerId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("volunteer", volunteerId));
        if (!caller.maySee(volunteer)) {
            throw ApiException.forbidden("volunteer " + volunteerId + " belongs to another organizer");
        }
        DailyAssignments all = daily(job, plan, null, null, caller, geometry);
        List<VolunteerAssignment> own = all.assignments().stream()
                .filter(a -> a.volunteerId().equals(volunteerId)).toList();
        return new DailyAssignments(job.getId(), null, volunteer.getOrganizerId(), plan.getTimeZone(), own,
                Map.of(volunteerId, volunteer));
    }

    /**
     * Each volunteer's own shifts over the whole plan, as they see them (teammates by first name only, no polygons),
     * in one pass over the plan for all of them: what messages to many volunteers need.
     */
    public Map<String, List<VolunteerAssignment>> ownShifts(Job job, FieldPlan plan, Collection<Volunteer> of) {
        Set<String> ids = of.stream().map(Volunteer::getId).collect(Collectors.toSet());
        Map<String, List<Shift>> teams = teams(plan);
        Map<String, List<Shift>> riders = riders(plan);
        Map<String, MeetingPoint> meetingPoints = meetingPoints(job);
        Map<String, List<VolunteerAssignment>> own = new HashMap<>();
        plan.getShifts().stream()
                .filter(shift -> shift.getPrecinct() != null && ids.contains(shift.getVolunteer().getId()))
                .sorted(Comparator.comparing((Shift s) -> s.getSlot().getStart()))
                .forEach(shift -> {
                    Volunteer v = shift.getVolunteer();
                    Caller asThemselves = Caller.volunteer(v.getId(), v.getOrganizerId(), job.getId());
                    own.computeIfAbsent(v.getId(), k -> new ArrayList<>())
                            .add(toAssignment(shift, teams.get(shift.getTeamKey()), riders, asThemselves, false,
                                    meetingPoints.get(shift.getPrecinct().getId())));
                });
        return own;
    }

    /** The meeting points on streets of the job's region, by precinct id (none for an inline problem). */
    private Map<String, MeetingPoint> meetingPoints(Job job) {
        return job.getSource() == null ? Map.of() : streets.meetingPoints(job.getSource().regionId());
    }

    /** The plan's teams: the shifts sent out, by precinct and slot. */
    private static Map<String, List<Shift>> teams(FieldPlan plan) {
        Map<String, List<Shift>> teams = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                teams.computeIfAbsent(shift.getTeamKey(), k -> new ArrayList<>()).add(shift);
            }
        }
        return teams;
    }

    /** The riders of each driver's shift, by the driver's shift id ("driver@slot"). */
    private static Map<String, List<Shift>> riders(FieldPlan plan) {
        Map<String, List<Shift>> riders = new HashMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null && shift.getRide() != null) {
                riders.computeIfAbsent(shift.getRide().getId() + "@" + shift.getSlot().getId(), k -> new ArrayList<>())
                        .add(shift);
            }
        }
        return riders;
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

    /** @param meetingPoint the precinct's meeting point on a street, or null (then its interior point) */
    private static VolunteerAssignment toAssignment(Shift shift, List<Shift> team, Map<String, List<Shift>> riders,
            Caller caller, boolean geometry, MeetingPoint meetingPoint) {
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
                        meetingPlace(precinct, meetingPoint), geometry ? precinct.getGeometry() : null,
                        meetAt(precinct.getStaging())),
                buddies, shift.getTravelMinutes(), null, null, carpool(shift, riders, caller));
    }

    /** Who drives whom: the rider's driver and pick-up, or the driver's riders; null for a volunteer alone. */
    private static VolunteerAssignment.CarpoolInfo carpool(Shift shift, Map<String, List<Shift>> riders,
            Caller caller) {
        Volunteer driver = shift.getRide();
        if (driver != null) {
            return new VolunteerAssignment.CarpoolInfo(new VolunteerAssignment.Buddy(driver.getId(),
                    buddyName(driver, caller)), shift.getVolunteer().getHome(), List.of());
        }
        if (!shift.getVolunteer().offersSeats()) {
            return null;
        }
        List<VolunteerAssignment.Rider> seated = riders.getOrDefault(shift.getId(), List.of()).stream()
                .sorted(Comparator.comparingDouble(rider -> rider.getVolunteer().getHome()
                        .distance(shift.getVolunteer().getHome())))
                .map(rider -> new VolunteerAssignment.Rider(rider.getVolunteer().getId(),
                        buddyName(rider.getVolunteer(), caller), rider.getVolunteer().getHome()))
                .toList();
        return seated.isEmpty() ? null : new VolunteerAssignment.CarpoolInfo(null, null, seated);
    }

    private static VolunteerAssignment.StagingInfo meetAt(StagingLocation staging) {
        return staging == null ? null
                : new VolunteerAssignment.StagingInfo(staging.id(), staging.name(), staging.address(), staging.point());
    }

    private static VolunteerAssignment.MeetingPlace meetingPlace(Precinct precinct, MeetingPoint onStreet) {
        if (onStreet != null) {
            return new VolunteerAssignment.MeetingPlace(onStreet.point(), onStreet.street());
        }
        return precinct.getCentroid() == null ? null
                : new VolunteerAssignment.MeetingPlace(precinct.getCentroid(), null);
    }
}
