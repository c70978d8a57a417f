package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.fieldplan.api.errors.ApiException;

/**
 * Admission control for submissions: counts and refuses (429 with {@code Retry-After}) <em>before</em> the expensive
 * steps — reading a stored region, building and validating the problem. The cluster has {@code capacity} places
 * (solver places and queue); at most as many submissions are read at once, so a burst of requests costs a counter and
 * a count query each, not a problem build each.
 */
final class JobAdmission {

    private final int capacity;
    private final JobRepository repository;
    private final Clock clock;
    /** Submissions being read and built now; never more than there are places. */
    private final Semaphore reading;

    JobAdmission(int capacity, JobRepository repository, Clock clock) {
        this.capacity = capacity;
        this.repository = repository;
        this.clock = clock;
        this.reading = new Semaphore(capacity);
    }

    /**
     * Runs {@code read} (the expensive reading of a submission, and what follows it) if a reading place is free and
     * the cluster has a place.
     *
     * @throws ApiException 429 when the places are taken or as many submissions are being read already
     */
    <T> T whileReading(Supplier<T> read) {
        if (!reading.tryAcquire()) {
            throw busy();
        }
        try {
            requirePlace();
            return read.get();
        } finally {
            reading.release();
        }
    }

    /** @throws ApiException 429 when the cluster's places are all taken */
    void requirePlace() {
        if (repository.findActive().size() >= capacity) {
            throw busy();
        }
    }

    /**
     * @throws ApiException 429 when the cluster has fewer than {@code count} free places (a campaign's sub-jobs are
     *     admitted together or not at all)
     */
    void requirePlaces(int count) {
        int active = repository.findActive().size();
        if (active + count > capacity) {
            throw ApiException.busy(count + " solver and queue places are needed, " + Math.max(0, capacity - active)
                    + " of " + capacity + " are free", retryAfterSeconds());
        }
    }

    /** Queues the job if the cluster still has a place (another submission may have taken the last one). */
    boolean insertIfRoom(JobRecord job) {
        return repository.insertIfRoom(job, capacity);
    }

    ApiException busy() {
        return ApiException.busy("all " + capacity + " solver and queue places are taken", retryAfterSeconds());
    }

    /** Seconds until the first solving job is due to end (a place frees up then); at least 1. */
    private long retryAfterSeconds() {
        Instant now = clock.instant();
        long soonest = repository.findActive().stream()
                .filter(j -> j.status() == JobStatus.SOLVING && j.startedAt() != null)
                .mapToLong(j -> Duration.between(now, j.startedAt().plusSeconds(j.solveSeconds())).toSeconds())
                .min().orElse(1);
        return Math.max(1, soonest);
    }
}
