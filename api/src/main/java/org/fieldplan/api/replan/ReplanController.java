package org.fieldplan.api.replan;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * News from the field: cancellations, field reports, late volunteers and late availability, each answered with what
 * changed in the plan.
 */
@RestController
@RequestMapping("/api/jobs/{jobId}")
public class ReplanController {

    private final JobService jobs;
    private final ReplanService replan;

    public ReplanController(JobService jobs, ReplanService replan) {
        this.jobs = jobs;
        this.replan = replan;
    }

    @PostMapping("/cancellations")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ReplanResult cancel(@PathVariable String jobId, @RequestBody ReplanRequests.Cancellation request,
            Caller caller) {
        return replan.cancel(jobs.get(jobId), request, caller);
    }

    @PostMapping("/field-reports")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ReplanResult fieldReport(@PathVariable String jobId, @RequestBody ReplanRequests.FieldReport request,
            Caller caller) {
        return replan.fieldReport(jobs.get(jobId), request, caller);
    }

    /** A volunteer who signed up late; the body is a volunteer object of the problem format. */
    @PostMapping(path = "/volunteers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ReplanResult addVolunteer(@PathVariable String jobId, @RequestBody(required = false) String body,
            Caller caller) {
        return replan.addVolunteer(jobs.get(jobId), body, caller);
    }

    @PostMapping("/volunteers/{volunteerId}/availability")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public ReplanResult addAvailability(@PathVariable String jobId, @PathVariable String volunteerId,
            @RequestBody ReplanRequests.LateAvailability request, Caller caller) {
        return replan.addAvailability(jobs.get(jobId), volunteerId, request, caller);
    }
}
