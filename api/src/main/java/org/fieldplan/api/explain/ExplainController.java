package org.fieldplan.api.explain;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/jobs/{id}/explain[?precinct=|volunteer=]}: why the best plan looks as it does. */
@RestController
public class ExplainController {

    private final JobService jobs;
    private final ExplainService explainer;

    public ExplainController(JobService jobs, ExplainService explainer) {
        this.jobs = jobs;
        this.explainer = explainer;
    }

    @GetMapping("/api/jobs/{jobId}/explain")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public Explanation explain(@PathVariable String jobId, @RequestParam(required = false) String precinct,
            @RequestParam(required = false) String volunteer) {
        return explainer.explain(jobs.get(jobId), precinct, volunteer);
    }
}
