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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organizers' sheets: {@code GET /api/jobs/{id}/assignments?date=&organizer=&geometry=} as JSON, CSV ({@code .csv} or
 * {@code Accept: text/csv}) or GeoJSON ({@code .geojson} or {@code Accept: application/geo+json}), and a volunteer's
 * iCalendar feed. Sheets are rendered once per plan and served with an {@code ETag} ({@code If-None-Match} gives
 * 304), {@code Cache-Control: no-cache, private} and, when the client accepts it, gzip. Precincts are named by id
 * with their centroid; {@code geometry=true} inlines their polygons (the map page takes them from the precinct layer).
 * Each volunteer's personal link is on one organizer's sheet, not on every organizer's unless {@code links=true}
 * ({@code links=false} leaves it out anywhere).
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

    /** The request's say on a sheet besides its format. */
    private record SheetRequest(String jobId, LocalDate date, String organizer, boolean geometry, Boolean links,
            String ifNoneMatch, String acceptEncoding, Caller caller) {
    }

    /** The format follows the {@code Accept} header: CSV, GeoJSON, else JSON. */
    @GetMapping("/assignments")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<byte[]> negotiated(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer,
            @RequestParam(defaultValue = "false") boolean geometry,
            @RequestParam(required = false) Boolean links,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            Caller caller) {
        SheetFormat format = accept != null && accept.contains(CSV) ? SheetFormat.CSV
                : accept != null && accept.contains(GEO_JSON) ? SheetFormat.GEOJSON : SheetFormat.JSON;
        return serve(new SheetRequest(jobId, date, organizer, geometry, links, ifNoneMatch, acceptEncoding, caller),
                format);
    }

    @GetMapping("/assignments.csv")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<byte[]> csv(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer,
            @RequestParam(required = false) Boolean links,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            Caller caller) {
        return serve(new SheetRequest(jobId, date, organizer, false, links, ifNoneMatch, acceptEncoding, caller),
                SheetFormat.CSV);
    }

    @GetMapping("/assignments.geojson")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<byte[]> geoJson(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer,
            @RequestParam(defaultValue = "false") boolean geometry,
            @RequestParam(required = false) Boolean links,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            Caller caller) {
        return serve(new SheetRequest(jobId, date, organizer, geometry, links, ifNoneMatch, acceptEncoding, caller),
                SheetFormat.GEOJSON);
    }

    /** The cached sheet with each shift's confirmation status and each volunteer's link (as the caller reached us). */
    private ResponseEntity<byte[]> serve(SheetRequest request, SheetFormat format) {
        Job job = jobs.get(request.jobId());
        String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return assignments.sheet(job, request.date(), request.organizer(), request.caller(), format,
                request.geometry(), request.links(), people.columns(job, request.caller(), baseUrl))
                .respond(request.ifNoneMatch(), request.acceptEncoding());
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
