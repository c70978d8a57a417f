package org.fieldplan.api.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.SolverPool;
import org.optaplanner.core.api.solver.change.ProblemChange;

/**
 * Where a change that needs the solver goes: into the job's running solve when this instance solves it, else — the
 * job having ended — to this instance, which claims the ended job for a repair in the {@link RepairLane}; a job
 * queued or solved by another instance is refused (409) so that two instances never solve one job at once.
 */
final class RepairHandOff {

    private final JobRepository repository;
    private final JobLeases leases;
    private final JobPlans plans;
    private final SolverPool<FieldPlan> solverPool;
    private final Map<String, Job> jobs;

    RepairHandOff(JobRepository repository, JobLeases leases, JobPlans plans, SolverPool<FieldPlan> solverPool,
            Map<String, Job> jobs) {
        this.repository = repository;
        this.leases = leases;
        this.plans = plans;
        this.solverPool = solverPool;
        this.jobs = jobs;
    }

    /**
     * Claims an ended job here for a repair, so that no other instance solves or repairs it meanwhile.
     *
     * @return the job to repair: {@code job}, or a fresh copy when another instance changed the plan since it was read
     * @throws ApiException 409 when the job is queued or being solved or repaired by another instance
     */
    Job claimForRepair(Job job) {
        synchronized (job) {
            String jobId = job.getId();
            JobRecord claimed = repository.claimEnded(jobId, leases.instanceId(), leases.lease())
                    .orElseThrow(() -> notChangeableHere(jobId));
            plans.fence(claimed);
            Job repaired = job;
            if (claimed.planVersion() != job.getPlanVersion()) {
                repaired = new Job(claimed, plans::load);
                jobs.put(jobId, repaired);
            }
            repaired.claimedHere(claimed);
            return repaired;
        }
    }

    private ApiException notChangeableHere(String jobId) {
        JobRecord now = repository.find(jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
        return ApiException.conflict("job " + jobId + " is " + now.status()
                + (now.owner() == null ? "" : " on instance " + now.owner())
                + "; send the change again when it has ended");
    }

    /**
     * Puts a change into the job's solve of the main lane, if this instance runs one now.
     *
     * @return completes once the solve has taken the change; empty when the job is not in such a solve here
     */
    Optional<CompletableFuture<Void>> changeRunningSolve(Job job, ProblemChange<FieldPlan> change) {
        if (job.isSolvingHere() && job.getStatus().isActive() && !job.isInRepair()) {
            job.changeTaken();
            return Optional.of(solverPool.addProblemChange(job.getId(), change));
        }
        return Optional.empty();
    }
}
