package org.fieldplan.api.replan;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** News from the field: cancellations and field reports, each answered with what changed in the plan. */
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
}
