package org.fieldplan.api.jobs;

import java.util.List;

/**
 * Where jobs are kept across restarts. {@link #NOT_DURABLE} (the in-memory store's choice) keeps nothing;
 * {@link PostgisJobRepository} keeps them in PostGIS.
 */
public interface JobRepository {

    /** Keeps nothing and restores nothing: jobs live only as long as the process. */
    JobRepository NOT_DURABLE = new JobRepository() {
        @Override
        public void save(JobRecord job) {
        }

        @Override
        public List<JobRecord> loadAll() {
            return List.of();
        }
    };

    /** Inserts or replaces the job's record. */
    void save(JobRecord job);

    /** Every kept job, oldest first. */
    List<JobRecord> loadAll();
}
