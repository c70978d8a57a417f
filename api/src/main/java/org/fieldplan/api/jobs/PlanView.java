package org.fieldplan.api.jobs;

import java.util.List;

import org.fieldplan.domain.Assignment;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.ProblemPreparer;

/** A job's best plan so far: its summary, the greedy baseline's and every assignment. */
public record PlanView(String jobId, JobStatus status, String problemName, PlanSummary summary,
        PlanSummary greedyBaseline, List<Assignment> assignments) {

    static PlanView of(Job job) {
        return new PlanView(job.getId(), job.getStatus(), job.getProblemName(),
                job.getBestSummary(), job.getGreedyBaseline(), ProblemPreparer.assignmentsOf(job.getBestPlan()));
    }
}
