package org.fieldplan.api.assignments;

import java.time.Clock;
import java.time.LocalDate;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.SheetPeople;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Organizers' sheets: {@code GET /api/jobs/{id}/assignments?date=&organizer=} as JSON, CSV ({@code .csv} or
 * {@code Accept: text/csv}) or GeoJSON ({@code .geojson} or {@code Accept: application/geo+json}), and a volunteer's
 * iCalendar feed.
 */
@RestController
@RequestMapping("/api/jobs/{jobId}")
public class AssignmentController {

    static final String GEO_JSON = "application/geo+json";
    static final String CSV = "text/csv";

    private final JobService jobs;
    private final AssignmentService assignments;
    private final SheetPeople people;
    private final Clock clock;

    public AssignmentController(JobService jobs, AssignmentService assignments, SheetPeople people, Clock clock) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.people = people;
        this.clock = clock;
    }

    /** The sheet with each shift's confirmation status and each volunteer's link. */
    private DailyAssignments sheet(String jobId, LocalDate date, String organizer, Caller caller) {
        Job job = jobs.get(jobId);
        return people.annotate(assignments.daily(job, date, organizer, caller), job, caller,
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    /** The format follows the {@code Accept} header: CSV, GeoJSON, else JSON. */
    @GetMapping("/assignments")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<?> negotiated(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        DailyAssignments sheet = sheet(jobId, date, organizer, caller);
        if (accept != null && accept.contains(CSV)) {
            return csv(sheet);
        }
        if (accept != null && accept.contains(GEO_JSON)) {
            return geoJson(sheet);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sheet);
    }

    @GetMapping("/assignments.csv")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<String> csv(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer, Caller caller) {
        return csv(sheet(jobId, date, organizer, caller));
    }

    @GetMapping("/assignments.geojson")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<ObjectNode> geoJson(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer, Caller caller) {
        return geoJson(sheet(jobId, date, organizer, caller));
    }

    private static ResponseEntity<String> csv(DailyAssignments sheet) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .body(AssignmentCsv.write(sheet));
    }

    private static ResponseEntity<ObjectNode> geoJson(DailyAssignments sheet) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON))
                .body(AssignmentGeoJson.write(sheet));
    }

    @GetMapping("/volunteers/{volunteerId}/calendar.ics")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN, Role.VOLUNTEER})
    public ResponseEntity<String> calendar(@PathVariable String jobId, @PathVariable String volunteerId,
            Caller caller) {
        DailyAssignments own = assignments.forVolunteer(jobs.get(jobId), volunteerId, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(AssignmentCalendar.write(own, volunteerId, clock.instant()));
    }
}
