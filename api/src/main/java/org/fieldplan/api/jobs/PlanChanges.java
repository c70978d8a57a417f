package org.fieldplan.api.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.SolverPool;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Changes to a job's plan after it was submitted — a cancellation, a field report, a late volunteer or more time —
 * and the news they bring. A change goes into the job's running solve when this instance has one; otherwise the job
 * is claimed here and repaired in the {@link RepairLane}, one repair at a time per job (a change arriving during a
 * repair is repaired right after it, from its result). The news itself (reports, volunteers) is written to the plan
 * store, so that a restart or another instance plans with it. The solve's life (claims, saves, the end) stays with
 * {@link JobService}.
 */
@Service
public class PlanChanges {

    private static final Logger LOG = LoggerFactory.getLogger(PlanChanges.class);
    private static final long END_POLL_MILLIS = 20;
    private static final int MAX_END_POLLS = 500;

    private final JobService jobs;
    private final RepairLane repairLane;
    private final DataStores stores;
    private final Clock clock;
    private final Counter repairCount;
    /** Per job repaired here, the repair under way or the last one queued behind it (a chain, one at a time). */
    private final Map<String, CompletableFuture<FieldPlan>> repairs = new ConcurrentHashMap<>();
    /** Starts a queued repair once the one ahead of it has ended. */
    private final ExecutorService queue = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "repair-queue");
        thread.setDaemon(true);
        return thread;
    });

    public PlanChanges(JobService jobs, RepairLane repairLane, DataStores stores, Clock clock, MeterRegistry meters) {
        this.jobs = jobs;
        this.repairLane = repairLane;
        this.stores = stores;
        this.clock = clock;
        this.repairCount = Counter.builder("fieldplan.repairs")
                .description("Repairs started on this instance after news from the field").register(meters);
    }

    /**
     * A change accepted by {@link #apply}.
     *
     * @param result completes with the plan after the change: the repaired plan, or null when the change went into a
     *     running solve
     * @param appliedBy when the result will be there at the latest (a repair waits for those ahead of it in the
     *     repair lane, each ending by the lane's maximum repair time); null for a change into a running solve, which
     *     takes it at its next step
     */
    public record PlanChange(CompletableFuture<FieldPlan> result, Instant appliedBy) {
    }

    /**
     * Applies a change to the job's plan with OptaPlanner's {@link ProblemChange}. While this instance solves the
     * job, the change goes into the running solve (or, if that solve ends before taking it, into a repair of its final
     * plan). If the job has ended, this instance claims it (so no other
     * instance can solve or repair it meanwhile) and a repair starts in the {@link RepairLane} from the current best
     * plan with every shift pinned except the {@code open} ones (so the rest of the plan stays as it is); the change
     * is applied in it, and the result completes with the repaired plan. While a repair of the job runs here, the
     * change is repaired right after it, from its result. Pins added only to freeze the plan are taken off the plans
     * the job keeps.
     *
     * @param open the shifts the repair may change (unless {@code alwaysPinned})
     * @param alwaysPinned shifts to pin for good, e.g. those that have started
     * @throws ApiException 409 when the job is queued or being solved by another instance (send the change again
     *     once it has ended)
     */
    public PlanChange apply(Job job, ProblemChange<FieldPlan> change, Predicate<Shift> open,
            Predicate<Shift> alwaysPinned) {
        synchronized (job) {
            String jobId = job.getId();
            CompletableFuture<FieldPlan> ahead = repairs.get(jobId);
            if (ahead != null && !ahead.isDone()) {
                Instant by = repairLane.expectedEnd(clock.instant()).plus(repairLane.maxRepair());
                CompletableFuture<FieldPlan> next = ahead.handle((plan, failure) -> null)
                        .thenComposeAsync(none -> startRepair(jobs.get(jobId), change, open, alwaysPinned), queue);
                track(jobId, next);
                return new PlanChange(next, by);
            }
            Optional<CompletableFuture<Void>> taken = takenByRunningSolve(job, change);
            if (taken.isPresent()) {
                // A solve that ended just before taking the change: repair its final plan with it instead.
                CompletableFuture<FieldPlan> result = taken.get().handle((done, notTaken) -> notTaken == null)
                        .thenComposeAsync(inSolve -> inSolve ? CompletableFuture.<FieldPlan>completedFuture(null)
                                : onceSolveEnded(jobId, MAX_END_POLLS).thenCompose(
                                        ended -> apply(jobs.get(jobId), change, open, alwaysPinned).result()), queue);
                return new PlanChange(result, null);
            }
            Instant by = repairLane.expectedEnd(clock.instant());
            CompletableFuture<FieldPlan> repaired = startRepair(job, change, open, alwaysPinned);
            track(jobId, repaired);
            return new PlanChange(repaired, by);
        }
    }

    /** The change put into the job's running solve here, if there is one; failed if that solve has just ended. */
    private Optional<CompletableFuture<Void>> takenByRunningSolve(Job job, ProblemChange<FieldPlan> change) {
        try {
            return jobs.changeRunningSolve(job, change);
        } catch (IllegalStateException solveEnded) {
            return Optional.of(CompletableFuture.failedFuture(solveEnded));
        }
    }

    /** Completes once the job's solve here has handed its final plan over (polled; the hand-over takes moments). */
    private CompletableFuture<Void> onceSolveEnded(String jobId, int polls) {
        if (polls == 0 || !jobs.get(jobId).isSolvingHere()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(END_POLL_MILLIS,
                TimeUnit.MILLISECONDS)).thenCompose(none -> onceSolveEnded(jobId, polls - 1));
    }

    /** Keeps the job's last repair until it ends, so that a change arriving meanwhile queues behind it. */
    private void track(String jobId, CompletableFuture<FieldPlan> repair) {
        repairs.put(jobId, repair);
        repair.whenComplete((plan, failure) -> repairs.remove(jobId, repair));
    }

    /** Claims the ended job here and starts its repair in the lane. */
    private CompletableFuture<FieldPlan> startRepair(Job job, ProblemChange<FieldPlan> change, Predicate<Shift> open,
            Predicate<Shift> alwaysPinned) {
        synchronized (job) {
            job.requireBestPlan();
            // A copy changed elsewhere since it was read comes back fresh: the repair starts from the plan as it is.
            Job repaired = jobs.claimForRepair(job);
            return repair(repaired, repaired.requireBestPlan(), change, open, alwaysPinned);
        }
    }

    private CompletableFuture<FieldPlan> repair(Job job, FieldPlan current, ProblemChange<FieldPlan> change,
            Predicate<Shift> open, Predicate<Shift> alwaysPinned) {
        Set<String> frozen = new HashSet<>();
        List<Shift> shifts = new ArrayList<>();
        for (Shift shift : current.getShifts()) {
            boolean pinned = shift.isPinned() || alwaysPinned.test(shift);
            if (!pinned && !open.test(shift)) {
                frozen.add(shift.getId());
            }
            shifts.add(shift.withPin(pinned || frozen.contains(shift.getId())));
        }
        FieldPlan start = current.withShifts(shifts);
        CompletableFuture<FieldPlan> repaired = new CompletableFuture<>();
        job.repairing(clock.instant());
        repairCount.increment();
        jobs.saveBestPlanNow(job);
        SolverPool<FieldPlan> lane = repairLane.solverPool();
        repairLane.enter();
        // The lane's solver configuration ends the repair when it stops improving (FieldPlanSolverConfig.createRepair).
        lane.solveAndListen(job.getId(), id -> {
            // Queued here, on the solver thread before solving starts: queued from the caller's thread, the change
            // could come after a repair with nothing to move had already ended.
            lane.addProblemChange(id, change);
            return start;
        }, best -> jobs.improved(job, unfreeze(best, frozen)), finalBest -> {
            repairLane.leave();
            FieldPlan plan = unfreeze(finalBest, frozen);
            jobs.finish(job, plan);
            repaired.complete(plan);
        }, (id, failure) -> {
            repairLane.leave();
            jobs.fail(job, failure);
            repaired.completeExceptionally(failure);
        });
        return repaired;
    }

    /**
     * Records a field report against the job's plan in the plan store, so that it survives a restart and counts in
     * the precinct's remaining doors whenever the plan is loaded again; the reported assignment is pinned there.
     * Call it once the change that applies the report to the plan was accepted ({@link #apply}).
     */
    public void recordFieldReport(Job job, String volunteerId, String slotId, int doorsKnocked, int contacts) {
        // The reported assignment must be in the stored plan: write a best plan the throttle held back.
        jobs.saveBestPlanNow(job);
        // Records the report and pins its assignment in one transaction (a repair may be saving meanwhile).
        stores.plans().addFieldReport(new FieldReport(job.getPlanId(), volunteerId, slotId, doorsKnocked, contacts,
                clock.instant()));
    }

    /** The doors reported per slot for a volunteer of the job's plan (one report per slot: a later one replaced it). */
    public Map<String, Integer> reportedDoorsBySlot(Job job, String volunteerId) {
        Map<String, Integer> doors = new HashMap<>();
        reportsBySlot(job, volunteerId).forEach((slot, report) -> doors.put(slot, report.doorsKnocked()));
        return doors;
    }

    /** The field reports per slot for a volunteer of the job's plan (one per slot: a later one replaced it). */
    public Map<String, FieldReport> reportsBySlot(Job job, String volunteerId) {
        Map<String, FieldReport> reports = new HashMap<>();
        stores.plans().fieldReports(job.getPlanId()).stream().filter(r -> r.volunteerId().equals(volunteerId))
                .forEach(r -> reports.put(r.slotId(), r));
        return reports;
    }

    /**
     * Makes late volunteers known where the job's plan is checked before the change that adds them is applied: the
     * assignments of a job built from a stored region refer to the region's volunteers, so the volunteers join the
     * region, all in one write. One the region has already (e.g. from an earlier attempt that was refused) stays as
     * it is there.
     */
    public void admitVolunteers(Job job, List<Volunteer> volunteers) {
        if (job.getSource() == null) {
            return;
        }
        try {
            stores.regions().addVolunteers(job.getSource().regionId(), volunteers, Map.of());
        } catch (StoreException e) {
            if (volunteers.size() == 1) {
                LOG.info("Volunteer {} not added to region {}: {}", volunteers.get(0).getId(),
                        job.getSource().regionId(), e.getMessage());
                return;
            }
            // One of them is there already: the others one by one.
            volunteers.forEach(volunteer -> admitVolunteers(job, List.of(volunteer)));
        }
    }

    /**
     * Writes a late volunteer, or a volunteer's added time, into the job's problem in the plan store, so that a
     * restart or another instance solves with them. Call it once the change was accepted ({@link #apply}).
     */
    public void recordVolunteer(Job job, Volunteer volunteer) {
        recordVolunteers(job, List.of(volunteer));
    }

    /** {@link #recordVolunteer} for many at once: one read and one write of the stored problem. */
    public void recordVolunteers(Job job, List<Volunteer> volunteers) {
        changeVolunteers(job, snapshot -> volunteers);
    }

    /**
     * Writes a cancellation into the job's problem in the plan store: the volunteer is no longer available for those
     * slots, so that a plan loaded again (after a restart, on another instance) does not offer them anew. Call it
     * once the change was accepted ({@link #apply}).
     */
    public void recordCancellation(Job job, String volunteerId, Collection<TimeSlot> slots) {
        changeVolunteer(job, snapshot -> snapshot.volunteers().stream().filter(v -> v.getId().equals(volunteerId))
                .findFirst().orElseThrow(() -> new IllegalStateException("volunteer " + volunteerId
                        + " is not in the problem of job " + job.getId()))
                .withoutSlots(slots));
    }

    private void changeVolunteer(Job job, Function<FieldPlanProblem, Volunteer> changed) {
        changeVolunteers(job, snapshot -> List.of(changed.apply(snapshot)));
    }

    /** Puts the volunteers {@code changed} gives for the stored problem into it, and into the job's copy. */
    private void changeVolunteers(Job job, Function<FieldPlanProblem, List<Volunteer>> changed) {
        // One read-modify-write of the snapshot at a time: two changes at once must not lose one.
        synchronized (job) {
            StoredPlan stored = stores.plans().load(job.getPlanId()).orElseThrow(() -> new IllegalStateException(
                    "plan " + job.getPlanId() + " of job " + job.getId() + " is not in the plan store"));
            List<Volunteer> volunteers = changed.apply(stored.snapshot());
            FieldPlanProblem snapshot = stored.snapshot();
            for (Volunteer volunteer : volunteers) {
                snapshot = snapshot.withVolunteer(volunteer);
            }
            stores.plans().replaceSnapshot(job.getPlanId(), snapshot);
            volunteers.forEach(job::volunteerChanged);
        }
    }

    /** The plan with the freezing pins of a repair taken off again. */
    private static FieldPlan unfreeze(FieldPlan plan, Set<String> frozen) {
        List<Shift> shifts = new ArrayList<>(plan.getShifts().size());
        for (Shift shift : plan.getShifts()) {
            shifts.add(shift.withPin(shift.isPinned() && !frozen.contains(shift.getId())));
        }
        return plan.withShifts(shifts);
    }

    @PreDestroy
    void shutdown() {
        queue.shutdownNow();
    }
}
