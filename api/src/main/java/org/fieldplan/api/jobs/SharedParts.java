package org.fieldplan.api.jobs;

import java.time.Duration;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.solver.partition.PartRunner;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the parts of this instance's partitioned solves are solved: with the PostGIS store by any instance of the
 * cluster ({@link SharedPartRunner}, {@link PartWorker}); in memory on threads here, as without the API.
 */
@Component
class SharedParts implements DisposableBean {

    private final PostgisJobParts parts;
    private final PartWorker worker;

    /**
     * @param workers part threads of this instance (0: one per core)
     */
    SharedParts(JobRepository repository, ObjectProvider<HikariDataSource> dataSource, JobPlans plans,
            FieldPlanProperties properties, @Value("${fieldplan.solve.partition.workers:0}") int workers) {
        if (repository instanceof PostgisJobRepository && dataSource.getIfAvailable() != null) {
            FieldPlanProperties.Cluster cluster = properties.cluster();
            this.parts = new PostgisJobParts(dataSource.getObject());
            this.worker = new PartWorker(parts, repository, plans, Duration.ofMillis(cluster.leaseMillis()),
                    Duration.ofMillis(cluster.heartbeatMillis()), Duration.ofMillis(cluster.claimPollMillis()),
                    workers > 0 ? workers : Runtime.getRuntime().availableProcessors());
        } else {
            this.parts = null;
            this.worker = null;
        }
    }

    /** Starts solving the cluster's parts under this instance's name (nothing in memory). */
    void start(String instanceId) {
        if (worker != null) {
            worker.start(instanceId);
        }
    }

    /** The runner of a solve of {@code job} as claimed now; null: threads here. */
    PartRunner runnerFor(Job job) {
        return worker == null ? null : new SharedPartRunner(parts, worker, job);
    }

    @Override
    public void destroy() {
        if (worker != null) {
            worker.stop();
        }
    }
}
