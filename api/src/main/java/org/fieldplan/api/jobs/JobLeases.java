package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.fieldplan.api.config.FieldPlanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared queue and the leases, as this instance takes part in them: it claims queued jobs (and jobs whose
 * instance died) while it has a free solver place, renews the leases of the jobs it solves on a thread of its own,
 * stops a job another instance has taken over or asked to terminate, and gives its jobs back on an orderly shutdown.
 */
final class JobLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);

    /**
     * How this instance takes part in the cluster.
     *
     * @param concurrency solver places of the main lane (repairs take none)
     */
    record Settings(String instanceId, Duration lease, Duration heartbeat, Duration claimPoll, int concurrency) {

        static Settings of(FieldPlanProperties properties) {
            FieldPlanProperties.Cluster cluster = properties.cluster();
            String id = cluster.instanceId() == null || cluster.instanceId().isBlank()
                    ? "instance-" + UUID.randomUUID().toString().substring(0, 8) : cluster.instanceId();
            return new Settings(id, Duration.ofMillis(cluster.leaseMillis()),
                    Duration.ofMillis(cluster.heartbeatMillis()), Duration.ofMillis(cluster.claimPollMillis()),
                    properties.jobs().concurrency());
        }
    }

    private final JobRepository repository;
    private final Settings settings;
    /** The jobs this instance solves, and its copies of the others it was asked about. */
    private final Map<String, Job> jobs;
    private final Consumer<JobRecord> solveClaimed;
    private final Consumer<String> terminateHere;
    private final ScheduledExecutorService timer = daemonTimer("job-timer");
    /** Its own thread, so that saves and claims on the job timer can never hold up a renewal past the lease. */
    private final ScheduledExecutorService heartbeatTimer = daemonTimer("job-heartbeat");

    /**
     * @param solveClaimed starts the solve of a job this instance has just claimed
     * @param terminateHere stops the solve or repair of a job here, by id
     */
    JobLeases(JobRepository repository, Settings settings, Map<String, Job> jobs, Consumer<JobRecord> solveClaimed,
            Consumer<String> terminateHere) {
        this.repository = repository;
        this.settings = settings;
        this.jobs = jobs;
        this.solveClaimed = solveClaimed;
        this.terminateHere = terminateHere;
    }

    private static ScheduledExecutorService daemonTimer(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    String instanceId() {
        return settings.instanceId();
    }

    Duration lease() {
        return settings.lease();
    }

    /** Starts claiming every {@code claimPoll} and renewing every {@code heartbeat}. */
    void start() {
        LOG.info("Instance {} takes jobs from the shared queue (lease {} ms)", instanceId(), lease().toMillis());
        timer.scheduleWithFixedDelay(this::claimWhileFree, 0, settings.claimPoll().toMillis(), TimeUnit.MILLISECONDS);
        heartbeatTimer.scheduleWithFixedDelay(this::renewLeases, settings.heartbeat().toMillis(),
                settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the job timer after {@code delay} (deferred saves, the end of a job's solve time). */
    void later(Runnable task, Duration delay) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for a job to claim now rather than at the next poll (a place freed up, or a job came in). */
    void claimSoon() {
        if (!timer.isShutdown()) {
            timer.execute(this::claimWhileFree);
        }
    }

    /** Claims queued or abandoned jobs while this instance has a free solver place. Runs on the timer thread. */
    void claimWhileFree() {
        try {
            // Repairs run in their own lane and take no solver place.
            while (jobs.values().stream().filter(j -> j.isSolvingHere() && !j.isInRepair()).count()
                    < settings.concurrency()) {
                Optional<JobRecord> claimed = repository.claimNext(instanceId(), lease());
                if (claimed.isEmpty()) {
                    return;
                }
                solveClaimed.accept(claimed.get());
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again.
            LOG.warn("Could not claim jobs: {}", e.toString());
        }
    }

    /** Renews the leases of the jobs solved here; stops those another instance has taken or that were terminated. */
    void renewLeases() {
        for (Job job : jobs.values()) {
            if (!job.isSolvingHere()) {
                continue;
            }
            try {
                Optional<Boolean> terminate = repository.renew(job.getId(), instanceId(), job.getClaim(), lease());
                if (terminate.isEmpty()) {
                    lost(job);
                } else if (terminate.get() && !job.isTerminationRequested()) {
                    job.terminationRequested();
                    terminateHere.accept(job.getId());
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of job {}: {}", job.getId(), e.toString());
            }
        }
    }

    /**
     * Renews the job's lease before a write; false (the job given up as lost) when it was claimed again since this
     * instance's claim, by another instance or by this one.
     */
    boolean stillOwned(Job job) {
        if (repository.renew(job.getId(), instanceId(), job.getClaim(), lease()).isEmpty()) {
            lost(job);
            return false;
        }
        return true;
    }

    /** Writes the job's life into the repository, if this instance still owns it (else gives it up as lost). */
    void update(Job job) {
        if (!repository.update(job.toRecord(), instanceId(), lease())) {
            lost(job);
        }
    }

    /**
     * The job was claimed again since this instance's claim (this one was too slow to renew): stop without saving
     * anything more. Only this claim's solve stops: a later claim of the job, here, keeps its own.
     */
    void lost(Job job) {
        // A job that has just ended here is no longer SOLVING in the repository either: that is no loss.
        if (job.isSolvingHere() && job.getStatus().isActive()) {
            LOG.warn("Instance {} lost job {} (claim {}) to a later claim; stopping its solve here", instanceId(),
                    job.getId(), job.getClaim());
            job.notSolvingHere();
            jobs.remove(job.getId(), job);
            // Not on this thread: it may hold the job's lock, which the solve needs to end, and terminating waits
            // for that end.
            timer.execute(() -> {
                Job now = jobs.get(job.getId());
                if (now == null || now == job || !now.isSolvingHere()) {
                    terminateHere.accept(job.getId());
                }
            });
        }
    }

    /**
     * Ends whatever solve of the job still runs here before a new claim of it starts one: it belongs to an earlier
     * claim that lost the job (e.g. while this instance stalled past its lease), and its writes are refused.
     */
    void endEarlierClaim(String jobId) {
        Job earlier = jobs.get(jobId);
        if (earlier != null) {
            earlier.notSolvingHere();
        }
        terminateHere.accept(jobId);
    }

    /** Gives a job solved here back to the queue at once (an orderly shutdown) rather than at the end of its lease. */
    void giveBack(Job job) {
        repository.release(job.getId(), instanceId(), job.getClaim());
    }

    /** Stops claiming and renewing. */
    void stop() {
        timer.shutdownNow();
        heartbeatTimer.shutdownNow();
    }
}
