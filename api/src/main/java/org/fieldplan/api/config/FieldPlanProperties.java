package org.fieldplan.api.config;

import java.time.LocalDateTime;

import org.fieldplan.data.generator.RegionSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings under {@code fieldplan.*} (see {@code application.properties} for every key and default).
 *
 * @param store where regions and plans live: {@code memory} (lost on exit) or {@code postgis}
 * @param maxBodyBytes requests with a larger body are refused with 413
 * @param now a fixed "current time" in the problems' local time, for rehearsals and demos on past dates; when unset
 *     the system clock decides which shifts have started (and are therefore pinned when re-planning)
 */
@ConfigurationProperties("fieldplan")
public record FieldPlanProperties(
        @DefaultValue("memory") Store store,
        @DefaultValue("1048576") long maxBodyBytes,
        LocalDateTime now,
        @DefaultValue Jobs jobs,
        @DefaultValue Solve solve,
        @DefaultValue Demo demo,
        @DefaultValue Cluster cluster) {

    /** Where regions and plans are kept. */
    public enum Store { MEMORY, POSTGIS }

    /**
     * The solving pool.
     *
     * @param concurrency jobs solved at the same time
     * @param queueLength jobs that may wait for a solver thread; beyond that submissions get 429
     */
    public record Jobs(@DefaultValue("1") int concurrency, @DefaultValue("4") int queueLength) {
    }

    /**
     * Solving time per job.
     *
     * @param defaultSeconds when the request names none
     * @param maxSeconds the most a request may ask for
     * @param eventMillis at most one progress event per job this often
     * @param repair how repairs after news from the field run
     */
    public record Solve(@DefaultValue("30") int defaultSeconds, @DefaultValue("600") int maxSeconds,
            @DefaultValue("500") long eventMillis, @DefaultValue Repair repair) {
    }

    /**
     * The repair lane: repairs of finished plans run on their own solver threads, never behind a long solve.
     *
     * @param unimprovedMillis a repair ends when its best plan has not improved for this long
     * @param maxMillis and at this time at the latest
     * @param threads repairs run at once (each of a different job); more wait in the lane's queue
     */
    public record Repair(@DefaultValue("250") long unimprovedMillis, @DefaultValue("1500") long maxMillis,
            @DefaultValue("1") int threads) {
    }

    /**
     * Taking part in a cluster of instances sharing one PostGIS (a single instance follows the same rules).
     *
     * @param instanceId the name this instance claims jobs under; blank: a random one per start
     * @param leaseMillis how long a claim holds without renewal: a job whose instance died is taken over this long
     *     after its last heartbeat
     * @param heartbeatMillis how often the owner renews its leases (well under {@code leaseMillis})
     * @param claimPollMillis how often an instance with a free solver place looks into the shared queue
     */
    public record Cluster(String instanceId, @DefaultValue("30000") long leaseMillis,
            @DefaultValue("5000") long heartbeatMillis, @DefaultValue("1000") long claimPollMillis) {
    }

    /** The generated demo region stored and solved at startup. */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("M") RegionSize size,
            @DefaultValue("7") long seed, @DefaultValue("5") int seconds) {
    }
}
