package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The jobs' shared life: the queue every instance claims from, the owners' leases, the status any instance reads.
 * {@link InMemoryJobRepository} serves one process (not durable); {@link PostgisJobRepository} lets several instances
 * on one PostGIS act as one service. Leases are counted on the repository's clock (the database's for PostGIS), so
 * instances need not agree on the time.
 */
public interface JobRepository {

    /**
     * Adds a queued job, unless the active jobs (queued or solving, on any instance) already number {@code capacity}.
     *
     * @return whether the job was added
     */
    boolean insertIfRoom(JobRecord job, int capacity);

    /**
     * Adds a job that has ended already, with its plan saved (e.g. a copy of a plan published as a region's live
     * plan); it takes no place in the queue.
     */
    void insertEnded(JobRecord job);

    /**
     * Claims the oldest job nobody is solving: a queued one, or one whose owner's lease has expired (its instance
     * stopped; the claim counts as a takeover). Two instances never claim the same job. Every claim counts up the
     * job's {@link JobRecord#claim}, which the claimant's later writes name.
     *
     * @return the claimed job, now SOLVING and owned by {@code owner} for {@code lease}
     */
    Optional<JobRecord> claimNext(String owner, Duration lease);

    /**
     * Claims an ended job (solved, terminated or failed) for a repair: SOLVING, owned by {@code owner}.
     *
     * @return the claimed job; empty when the job is queued or being solved (by any instance)
     */
    Optional<JobRecord> claimEnded(String jobId, String owner, Duration lease);

    /**
     * Extends the owner's lease.
     *
     * @return whether termination was requested; empty when {@code owner} no longer owns the job as SOLVING under
     *         {@code claim} (the job was claimed again since, by another instance or by this one)
     */
    Optional<Boolean> renew(String jobId, String owner, long claim, Duration lease);

    /**
     * Writes the job's status, timings, summaries and plan version, if {@code owner} still owns it under the record's
     * {@link JobRecord#claim}; an ended job keeps its owner (who solved it) and loses its lease.
     *
     * @return whether the owner still owned the job
     */
    boolean update(JobRecord job, String owner, Duration lease);

    /**
     * Gives a job back to the queue (its owner, under {@code claim}, is shutting down), to be resumed by any
     * instance.
     */
    void release(String jobId, String owner, long claim);

    /**
     * Asks for a job to stop: a queued one is terminated at once; a solving one's owner stops it at its next
     * heartbeat.
     */
    void requestTermination(String jobId);

    Optional<JobRecord> find(String jobId);

    /** Every job, oldest first. */
    List<JobRecord> findAll();

    /** Jobs queued or solving, on any instance. */
    List<JobRecord> findActive();
}
