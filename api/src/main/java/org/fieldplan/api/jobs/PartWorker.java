package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fieldplan.api.config.FixedDelayRounds;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.partition.PartPlan;
import org.fieldplan.solver.partition.PartSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This instance's share of the cluster's part solving ({@link PostgisJobParts}): every poll it renews the leases of
 * the parts it solves and, while it has a free part thread, claims an open part of any job, the jobs it owns too (so
 * an instance alone finishes its own parts), builds it from the job's problem and writes its result. A part whose
 * claim was lost (its lease ran out while this instance stalled) is still solved, but its result is refused.
 */
final class PartWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PartWorker.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> RESULT = new TypeReference<>() {
    };
    /** The least time a part claimed late (after a takeover, or near the deadline) is given: its greedy start. */
    private static final long MIN_PART_MILLIS = 300;

    /** A part being solved here, by the claim ({@code attempt}) this instance holds. */
    private static final class Solving {
        final int attempt;
        volatile long renewedAt = System.nanoTime();

        Solving(int attempt) {
            this.attempt = attempt;
        }
    }

    /** The whole plan last loaded for another instance's job, kept for its next parts. */
    private record Loaded(String key, FieldPlan plan) {
    }

    private final PostgisJobParts parts;
    private final JobRepository jobs;
    private final JobPlans plans;
    private final Duration lease;
    private final Duration heartbeat;
    private final int threads;
    /** The whole plans of the rounds whose owner runs here, by job and claim: no need to load them. */
    private final Map<String, FieldPlan> ownPlans = new ConcurrentHashMap<>();
    private final Map<PostgisJobParts.Key, Solving> solving = new ConcurrentHashMap<>();
    private final FixedDelayRounds rounds;
    private final ExecutorService pool;
    private volatile String instanceId;
    /** One load at a time: the part threads of one job wait for the first one's. */
    private final Object loading = new Object();
    private Loaded loaded;

    PartWorker(PostgisJobParts parts, JobRepository jobs, JobPlans plans, Duration lease, Duration heartbeat,
            Duration poll, int threads) {
        this.parts = parts;
        this.jobs = jobs;
        this.plans = plans;
        this.lease = lease;
        this.heartbeat = heartbeat;
        this.threads = threads;
        this.rounds = new FixedDelayRounds("job-parts", poll.toMillis(), this::pollQuietly);
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "job-part");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling, claiming parts under {@code instanceId}. */
    void start(String instanceId) {
        this.instanceId = instanceId;
        rounds.start();
    }

    void stop() {
        rounds.stop();
        pool.shutdownNow();
    }

    /** The whole plan of a round this instance owns, for its own worker to build the round's parts from. */
    void roundStarted(String jobId, long claim, FieldPlan whole) {
        ownPlans.put(jobId + '#' + claim, whole);
    }

    void roundEnded(String jobId, long claim) {
        ownPlans.remove(jobId + '#' + claim);
    }

    private void pollQuietly() {
        try {
            renewLeases();
            claimWhileFree();
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again.
            LOG.warn("Could not claim or renew parts: {}", e.toString());
        }
    }

    private void renewLeases() {
        long now = System.nanoTime();
        solving.forEach((key, part) -> {
            if (now - part.renewedAt >= heartbeat.toNanos()) {
                part.renewedAt = now;
                if (!parts.renew(key, instanceId, part.attempt, lease)) {
                    LOG.info("Instance {} no longer holds part {}; its result will be refused", instanceId, key);
                }
            }
        });
    }

    /** Claims parts now rather than at the next poll (the owner has just queued a round). */
    void claimNow() {
        pollQuietly();
    }

    private synchronized void claimWhileFree() {
        while (solving.size() < threads) {
            Optional<PostgisJobParts.Claimed> claimed = parts.claimNext(instanceId, lease);
            if (claimed.isEmpty()) {
                return;
            }
            PostgisJobParts.Claimed part = claimed.get();
            solving.put(part.key(), new Solving(part.attempt()));
            pool.execute(() -> solve(part));
        }
    }

    private void solve(PostgisJobParts.Claimed claimed) {
        PostgisJobParts.Key key = claimed.key();
        try {
            PartPlan part = PartPlan.of(wholePlan(key), JSON.readValue(claimed.spec(), PartSpec.class));
            long millis = Math.max(MIN_PART_MILLIS, Math.min(claimed.limitMillis(), claimed.millisLeft()));
            List<String> result = part.solve(Duration.ofMillis(millis));
            if (parts.complete(key, instanceId, claimed.attempt(), JSON.writeValueAsString(result))) {
                LOG.info("Instance {} solved part {} (claim {} of the part)", instanceId, key, claimed.attempt());
            } else {
                LOG.info("Instance {} solved part {} after losing it; the result is dropped", instanceId, key);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Left as it is: its lease runs out and an instance tries again while the round lasts.
            LOG.warn("Instance {} could not solve part {}: {}", instanceId, key, e.toString());
        } finally {
            solving.remove(key);
        }
    }

    /** The job's whole plan, as the round's owner holds it; built from the plan store on another instance. */
    private FieldPlan wholePlan(PostgisJobParts.Key key) {
        String planKey = key.jobId() + '#' + key.jobClaim();
        FieldPlan own = ownPlans.get(planKey);
        if (own != null) {
            return own;
        }
        synchronized (loading) {
            if (loaded == null || !loaded.key().equals(planKey)) {
                JobRecord record = jobs.find(key.jobId()).orElseThrow(() -> new IllegalStateException(
                        "job " + key.jobId() + " is not in the repository"));
                loaded = new Loaded(planKey, plans.prepare(new Job(record, plans::load).getSubmission()));
            }
            return loaded.plan();
        }
    }

    /** A part's result as {@link PostgisJobParts} keeps it. */
    static List<String> readResult(String json) {
        try {
            return JSON.readValue(json, RESULT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable part result", e);
        }
    }
}
