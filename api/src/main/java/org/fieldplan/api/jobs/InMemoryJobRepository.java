package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Jobs in the JVM heap, for one instance with the in-memory store: not durable (a restart loses them), with the same
 * claiming and lease rules as {@link PostgisJobRepository}, so the service runs one code path. Thread-safe.
 */
public class InMemoryJobRepository implements JobRepository {

    private final Clock clock;
    private final Map<String, JobRecord> jobs = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();

    public InMemoryJobRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean insertIfRoom(JobRecord job, int capacity) {
        if (findActive().size() >= capacity) {
            return false;
        }
        jobs.put(job.id(), job);
        return true;
    }

    @Override
    public synchronized void insertEnded(JobRecord job) {
        jobs.put(job.id(), job);
    }

    @Override
    public synchronized Optional<JobRecord> claimNext(String owner, Duration lease) {
        Instant now = clock.instant();
        Optional<JobRecord> next = sorted().stream().filter(job -> job.status() == JobStatus.QUEUED
                || job.status() == JobStatus.SOLVING && !leases.getOrDefault(job.id(), Instant.MIN).isAfter(now))
                .findFirst();
        next.ifPresent(job -> {
            int takeovers = job.takeovers() + (job.status() == JobStatus.SOLVING ? 1 : 0);
            jobs.put(job.id(), with(job, JobStatus.SOLVING, owner, takeovers, job.terminateRequested(),
                    job.claim() + 1));
            leases.put(job.id(), now.plus(lease));
        });
        return next.map(job -> jobs.get(job.id()));
    }

    @Override
    public synchronized Optional<JobRecord> claimEnded(String jobId, String owner, Duration lease) {
        JobRecord job = jobs.get(jobId);
        if (job == null || job.status().isActive()) {
            return Optional.empty();
        }
        jobs.put(jobId, with(job, JobStatus.SOLVING, owner, job.takeovers(), false, job.claim() + 1));
        leases.put(jobId, clock.instant().plus(lease));
        return Optional.of(jobs.get(jobId));
    }

    @Override
    public synchronized Optional<Boolean> renew(String jobId, String owner, long claim, Duration lease) {
        JobRecord job = jobs.get(jobId);
        if (!ownedAsSolving(job, owner, claim)) {
            return Optional.empty();
        }
        leases.put(jobId, clock.instant().plus(lease));
        return Optional.of(job.terminateRequested());
    }

    @Override
    public synchronized boolean update(JobRecord job, String owner, Duration lease) {
        JobRecord stored = jobs.get(job.id());
        if (!ownedAsSolving(stored, owner, job.claim())) {
            return false;
        }
        jobs.put(job.id(), with(job, job.status(), owner, stored.takeovers(), stored.terminateRequested(),
                stored.claim()));
        if (job.status().isActive()) {
            leases.put(job.id(), clock.instant().plus(lease));
        } else {
            leases.remove(job.id());
        }
        return true;
    }

    @Override
    public synchronized void release(String jobId, String owner, long claim) {
        if (ownedAsSolving(jobs.get(jobId), owner, claim)) {
            change(jobId, job -> with(job, JobStatus.QUEUED, null, job.takeovers() + 1, job.terminateRequested(),
                    job.claim()));
            leases.remove(jobId);
        }
    }

    private static boolean ownedAsSolving(JobRecord job, String owner, long claim) {
        return job != null && job.status() == JobStatus.SOLVING && owner.equals(job.owner()) && job.claim() == claim;
    }

    @Override
    public synchronized void requestTermination(String jobId) {
        change(jobId, job -> job.status() == JobStatus.QUEUED
                ? new JobRecord(job.id(), JobStatus.TERMINATED, job.createdAt(), job.startedAt(), clock.instant(),
                        job.solveSeconds(), job.problemName(), job.source(), job.planId(), job.planVersion(),
                        job.best(), job.greedyBaseline(), job.error(), job.owner(), job.takeovers(), true,
                        job.claim())
                : with(job, job.status(), job.owner(), job.takeovers(), true, job.claim()));
    }

    private void change(String jobId, UnaryOperator<JobRecord> change) {
        JobRecord job = jobs.get(jobId);
        if (job != null) {
            jobs.put(jobId, change.apply(job));
        }
    }

    @Override
    public synchronized Optional<JobRecord> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized List<JobRecord> findAll() {
        return sorted();
    }

    @Override
    public synchronized List<JobRecord> findActive() {
        return sorted().stream().filter(job -> job.status().isActive()).toList();
    }

    private List<JobRecord> sorted() {
        List<JobRecord> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(JobRecord::createdAt));
        return all;
    }

    private static JobRecord with(JobRecord job, JobStatus status, String owner, int takeovers,
            boolean terminateRequested, long claim) {
        return new JobRecord(job.id(), status, job.createdAt(), job.startedAt(), job.finishedAt(),
                job.solveSeconds(), job.problemName(), job.source(), job.planId(), job.planVersion(), job.best(),
                job.greedyBaseline(), job.error(), owner, takeovers, terminateRequested, claim);
    }
}
