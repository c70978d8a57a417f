package org.fieldplan.api.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;

/**
 * Real parts for the tests of the job service's pieces: the in-memory job repository and stores, the small example
 * problem, and jobs submitted, claimed or ended as the service would have them.
 */
final class JobFixture {

    static final String HERE = "instance-here";
    static final Duration LONG_LEASE = Duration.ofMinutes(5);

    final DataStores stores = DataStores.inMemory();
    final JobRepository repository = new InMemoryJobRepository(Clock.systemUTC());
    final FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1));
    final JobPlans plans = new JobPlans(stores, solver);
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final FieldPlanProblem problem = ProblemJson.read(Path.of("../docs/examples/problem-small.json"));

    /** Leases of this instance with one solver place. */
    JobLeases leases(Duration lease, Consumer<JobRecord> solveClaimed, Consumer<String> terminateHere) {
        return new JobLeases(repository, new JobLeases.Settings(HERE, lease, Duration.ofMinutes(1),
                Duration.ofMinutes(1), 1), jobs, solveClaimed, terminateHere);
    }

    /** A job submitted to this instance and queued, its problem saved as a draft plan. */
    Job queued() {
        return queued(problem);
    }

    /** A job of {@code submitted} submitted to this instance and queued, its problem saved as a draft plan. */
    Job queued(FieldPlanProblem submitted) {
        Job job = new Job(UUID.randomUUID().toString(), new JobSubmission(submitted, null, Duration.ofSeconds(1)),
                java.time.Instant.now());
        job.planStored(stores.plans().save(NewPlan.ofSnapshot(submitted, List.of(), null, PlanStatus.DRAFT)));
        repository.insertIfRoom(job.toRecord(), 100);
        jobs.put(job.getId(), job);
        return job;
    }

    /** A queued job claimed by this instance (as {@link JobLeases} and the solve's start leave it). */
    Job claimedHere(Duration lease) {
        return claimedHere(lease, problem);
    }

    /** A queued job of {@code submitted} claimed by this instance. */
    Job claimedHere(Duration lease, FieldPlanProblem submitted) {
        Job job = queued(submitted);
        job.claimedHere(repository.claimNext(HERE, lease).orElseThrow());
        return job;
    }

    /** A plan of the problem: the greedy baseline, scored (each call a new object, as each new best is). */
    FieldPlan plan() {
        return solver.greedyBaseline(ProblemPreparer.prepare(problem));
    }
}
