package org.fieldplan.api.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.fieldplan.solver.partition.PartPlan;
import org.fieldplan.solver.partition.PartRunner;
import org.fieldplan.solver.partition.PartThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The owner's side of a round whose parts any instance may solve: it queues the parts in the shared table, then waits
 * (its own {@link PartWorker} solving parts meanwhile) until every part has a result, or the round's time and a short
 * grace have passed and no part is being solved any more (a part whose solver still renews its lease is waited for,
 * at most its limit more), or the job is no longer this claim's or asked to end. A part without a result by then
 * keeps its start plan, so the stitched plan is never worse than the round's start. If the parts cannot be queued at all, they
 * are solved on threads here.
 */
final class SharedPartRunner implements PartRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPartRunner.class);
    /** After the round's time: a part claimed near the deadline still needs its greedy start and its write. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 100;

    private final PostgisJobParts parts;
    private final PartWorker worker;
    private final Job job;
    private final long claim;

    SharedPartRunner(PostgisJobParts parts, PartWorker worker, Job job) {
        this.parts = parts;
        this.worker = worker;
        this.job = job;
        this.claim = job.getClaim();
    }

    @Override
    public List<List<String>> solve(Round round, IntConsumer partsDone) {
        String jobId = job.getId();
        if (!stillThisClaim()) {
            // Lost or asked to end while the previous round ran: no round worth queueing; the plan stays as it is.
            return new ArrayList<>(Collections.nCopies(round.parts().size(), null));
        }
        try {
            List<String> specs = new ArrayList<>();
            for (PartPlan part : round.parts()) {
                specs.add(PartWorker.JSON.writeValueAsString(part.spec()));
            }
            worker.roundStarted(jobId, claim, round.whole());
            parts.insertRound(jobId, claim, round.round(), specs,
                    round.limits().stream().map(Duration::toMillis).toList(), round.budget());
            worker.claimNow();
        } catch (JsonProcessingException | RuntimeException e) {
            worker.roundEnded(jobId, claim);
            LOG.warn("Could not share the parts of job {}; solving them here: {}", jobId, e.toString());
            return new PartThreads(Runtime.getRuntime().availableProcessors()).solve(round, partsDone);
        }
        try {
            Map<Integer, String> results = awaitResults(round, partsDone);
            List<List<String>> byPart = new ArrayList<>();
            for (int i = 0; i < round.parts().size(); i++) {
                byPart.add(results.containsKey(i) ? PartWorker.readResult(results.get(i)) : null);
            }
            return byPart;
        } finally {
            worker.roundEnded(jobId, claim);
            try {
                parts.closeRound(jobId, claim, round.round());
            } catch (RuntimeException e) {
                LOG.warn("Could not close round {} of job {}: {}", round.round(), jobId, e.toString());
            }
        }
    }

    private Map<Integer, String> awaitResults(Round round, IntConsumer partsDone) {
        long waitUntil = System.nanoTime() + round.budget().plus(GRACE).toNanos();
        // A part still being solved when the round's time is up is waited for while its solver renews its lease, as
        // the threads wait for theirs (on a loaded machine every part can run late), for at most its limit more.
        long longest = round.limits().stream().mapToLong(Duration::toNanos).max().orElse(0);
        long hardStop = waitUntil + longest + GRACE.toNanos();
        Map<Integer, String> results = Map.of();
        int reported = 0;
        while (true) {
            try {
                results = parts.results(job.getId(), claim, round.round());
            } catch (RuntimeException e) {
                LOG.warn("Could not read the parts of job {}: {}", job.getId(), e.toString());
            }
            if (results.size() > reported) {
                reported = results.size();
                partsDone.accept(reported);
            }
            if (results.size() == round.parts().size()) {
                return results;
            }
            long now = System.nanoTime();
            if (!stillThisClaim() || now > hardStop || now > waitUntil && nobodySolves(round)) {
                LOG.warn("Round {} of job {} ends with {} of {} parts solved; the others keep their start plan",
                        round.round(), job.getId(), results.size(), round.parts().size());
                return results;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return results;
            }
        }
    }

    private boolean nobodySolves(Round round) {
        try {
            return parts.solving(job.getId(), claim, round.round()) == 0;
        } catch (RuntimeException e) {
            LOG.warn("Could not read the parts of job {}: {}", job.getId(), e.toString());
            return true;
        }
    }

    private boolean stillThisClaim() {
        return job.isSolvingHere() && job.getClaim() == claim && !job.isTerminationRequested();
    }
}
