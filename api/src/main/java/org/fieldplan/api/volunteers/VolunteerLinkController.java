package org.fieldplan.api.volunteers;

import java.time.Instant;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Organizers make and revoke their volunteers' personal links (e-mailing one: {@code messages.MessageController}). */
@RestController
@RequestMapping("/api/jobs/{jobId}/volunteer-links")
public class VolunteerLinkController {

    /** @param expiresAt optional; default {@code fieldplan.links.valid-days} from now */
    public record NewLink(String volunteerId, Instant expiresAt) {
    }

    private final JobService jobs;
    private final VolunteerLinkService links;

    public VolunteerLinkController(JobService jobs, VolunteerLinkService links) {
        this.jobs = jobs;
        this.links = links;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public VolunteerLinkService.IssuedLink create(@PathVariable String jobId, @RequestBody NewLink request,
            Caller caller) {
        return links.issue(jobs.get(jobId), request.volunteerId(), request.expiresAt(), caller, baseUrl());
    }

    @PostMapping("/{linkId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public void revoke(@PathVariable String jobId, @PathVariable String linkId, Caller caller) {
        links.revoke(jobs.get(jobId), linkId, caller);
    }

    /** The service's address as the caller reached it. */
    public static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
