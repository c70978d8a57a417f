package org.fieldplan.api.map;

import java.time.LocalDate;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map page's own reads: {@code GET /api/map/context} (the caller, base map, jobs) and
 * {@code GET /api/jobs/{id}/precincts?date=&slot=} (every precinct with its values, as GeoJSON) and
 * {@code GET /api/jobs/{id}/flows?cellKm=} (where the plan moves volunteers, home areas to target areas, as GeoJSON).
 */
@RestController
public class MapController {

    private final JobService jobs;
    private final MapService map;

    public MapController(JobService jobs, MapService map) {
        this.jobs = jobs;
        this.map = map;
    }

    @GetMapping("/api/map/context")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public MapContext context(Caller caller) {
        return map.context(caller);
    }

    /** Rendered once per plan, date and slot; {@code ETag}, 304 and gzip as for the sheets. */
    @GetMapping(path = {"/api/jobs/{jobId}/precincts", "/api/jobs/{jobId}/precincts.geojson"})
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ResponseEntity<byte[]> precincts(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(name = "slot", required = false) String slotId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        return map.precinctLayer(jobs.get(jobId), date, slotId).respond(ifNoneMatch, acceptEncoding);
    }

    /** Of the volunteers the caller may see: an organizer's flows are their own volunteers'. */
    @GetMapping("/api/jobs/{jobId}/flows")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public FlowLayer flows(@PathVariable String jobId, Caller caller,
            @RequestParam(defaultValue = "10") double cellKm) {
        return map.flows(jobs.get(jobId), caller, cellKm);
    }
}
