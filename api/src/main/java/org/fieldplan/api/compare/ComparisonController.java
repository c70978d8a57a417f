package org.fieldplan.api.compare;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.fieldplan.plan.PlanComparison;
import org.fieldplan.plan.PlansNotComparableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two plans of the same problem side by side ({@link PlanComparison}): {@code GET /api/jobs/{a}/compare/{b}}, each
 * job's current best plan, b measured against a. Plans of different problems: 409.
 */
@RestController
public class ComparisonController {

    private final JobService jobs;

    public ComparisonController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/jobs/{jobId}/compare/{otherJobId}")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public PlanComparison compare(@PathVariable String jobId, @PathVariable String otherJobId) {
        var first = jobs.get(jobId).requireBestPlan();
        var second = jobs.get(otherJobId).requireBestPlan();
        try {
            return PlanComparison.of(first, second);
        } catch (PlansNotComparableException e) {
            throw ApiException.conflict("jobs " + jobId + " and " + otherJobId + " cannot be compared: "
                    + e.getMessage());
        }
    }
}
