package org.fieldplan.api.jobs;

/** Where a job is in its life. */
public enum JobStatus {
    /** Accepted, waiting for a solver thread. */
    QUEUED,
    /** Being solved; a best plan may already be readable. */
    SOLVING,
    /** Solved for its whole time (or repaired); the plan is final until the next change. */
    SOLVED,
    /** Stopped early on request; the best plan found so far is kept. */
    TERMINATED,
    /** Solving failed; see the job's error. */
    FAILED;

    public boolean isActive() {
        return this == QUEUED || this == SOLVING;
    }
}
