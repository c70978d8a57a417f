package org.fieldplan.api.volunteers;

import java.time.Instant;

import org.fieldplan.api.jobs.Job;
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

/** Organizers make, revoke and e-mail their volunteers' personal links. */
@RestController
@RequestMapping("/api/jobs/{jobId}/volunteer-links")
public class VolunteerLinkController {

    /** @param expiresAt optional; default {@code fieldplan.links.valid-days} from now */
    public record NewLink(String volunteerId, Instant expiresAt) {
    }

    /** A link e-mailed to the volunteer. */
    public record LinkByEmail(String volunteerId, String email) {
    }

    private final JobService jobs;
    private final VolunteerLinkService links;
    private final LinkMailer mailer;

    public VolunteerLinkController(JobService jobs, VolunteerLinkService links, LinkMailer mailer) {
        this.jobs = jobs;
        this.links = links;
        this.mailer = mailer;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public VolunteerLinkService.IssuedLink create(@PathVariable String jobId, @RequestBody NewLink request,
            Caller caller) {
        return links.issue(jobs.get(jobId), request.volunteerId(), request.expiresAt(), caller, baseUrl());
    }

    /** Makes a new link and e-mails it to the address given (volunteers' e-mail addresses are not stored). */
    @PostMapping("/emails")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public LinkMailer.Sent email(@PathVariable String jobId, @RequestBody LinkByEmail request, Caller caller) {
        Job job = jobs.get(jobId);
        String address = LinkMailer.checkedAddress(request.email());
        String name = links.volunteerName(job, request.volunteerId(), caller);
        return mailer.send(links.issue(job, request.volunteerId(), null, caller, baseUrl()), name, address);
    }

    @PostMapping("/{linkId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public void revoke(@PathVariable String jobId, @PathVariable String linkId, Caller caller) {
        links.revoke(jobs.get(jobId), linkId, caller);
    }

    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
