package org.fieldplan.data.plan;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.fieldplan.data.StoreException;
import org.fieldplan.data.region.InMemoryRegionStore;
import org.fieldplan.data.region.RegionKeys;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.io.ProblemJson;

/**
 * {@link PlanStore} in the JVM heap, checking assignments against an {@link InMemoryRegionStore} (or the plan's
 * problem snapshot) the way the PostGIS schema's foreign keys do. Thread-safe.
 */
public final class InMemoryPlanStore implements PlanStore {

    private final InMemoryRegionStore regions;
    private final Clock clock;
    private final TreeMap<Long, StoredPlan> plans = new TreeMap<>();
    private final Map<Long, List<FieldReport>> reports = new HashMap<>();
    /** ProblemJson text per plan, parsed on every load so that callers never share domain objects with the store. */
    private final Map<Long, String> snapshots = new HashMap<>();
    /** Each plan's write fence: the highest claim that saved it or raised it. */
    private final Map<Long, Long> fences = new HashMap<>();
    private long nextId = 1;

    public InMemoryPlanStore(InMemoryRegionStore regions) {
        this(regions, Clock.systemUTC());
    }

    public InMemoryPlanStore(InMemoryRegionStore regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public synchronized long save(NewPlan plan) {
        if (plan.problem() != null) {
            String regionId = plan.problem().regionId();
            RegionKeys keys;
            try {
                keys = regions.keys(regionId);
            } catch (NoSuchElementException e) {
                throw new StoreException("plan for unknown region " + regionId, e);
            }
            PlanChecks.check(plan, keys, "region " + regionId);
        } else {
            PlanChecks.check(plan, RegionKeys.of(plan.snapshot()), "the problem snapshot");
        }
        long id = nextId++;
        Instant now = now();
        List<StoredAssignment> assignments = plan.assignments().stream()
                .map(a -> new StoredAssignment(a, false)).toList();
        plans.put(id, new StoredPlan(id, plan.problem(), plan.score(), plan.status(), now, now, assignments, null));
        if (plan.snapshot() != null) {
            snapshots.put(id, ProblemJson.toJson(plan.snapshot()));
        }
        return id;
    }

    @Override
    public synchronized Optional<StoredPlan> load(long planId) {
        StoredPlan plan = plans.get(planId);
        String snapshot = snapshots.get(planId);
        if (plan == null || snapshot == null) {
            return Optional.ofNullable(plan);
        }
        return Optional.of(new StoredPlan(planId, plan.problem(), plan.score(), plan.status(), plan.createdAt(),
                plan.updatedAt(), plan.assignments(), ProblemJson.readUnvalidated(new StringReader(snapshot))));
    }

    @Override
    public synchronized List<PlanSummary> list(String regionId) {
        return summaries(p -> p.problem() != null && p.problem().regionId().equals(regionId));
    }

    @Override
    public synchronized List<PlanSummary> listSnapshotOnly() {
        return summaries(p -> p.problem() == null);
    }

    private List<PlanSummary> summaries(Predicate<StoredPlan> filter) {
        return plans.values().stream()
                .filter(filter)
                .map(p -> new PlanSummary(p.id(), p.problem(), p.score(), p.status(), p.assignments().size(),
                        p.createdAt(), p.updatedAt()))
                .toList();
    }

    @Override
    public synchronized void update(long planId, PlanStatus status, String score) {
        StoredPlan plan = plan(planId);
        plans.put(planId, new StoredPlan(planId, plan.problem(), score, status, plan.createdAt(), now(),
                plan.assignments(), null));
    }

    @Override
    public synchronized void replaceAssignments(long planId, List<Assignment> assignments, PlanStatus status,
            String score) {
        StoredPlan plan = plan(planId);
        if (plan.problem() != null) {
            PlanChecks.check(assignments, regions.keys(plan.problem().regionId()), "region " + plan.problem().regionId());
        } else {
            PlanChecks.check(assignments, RegionKeys.of(ProblemJson.readUnvalidated(new StringReader(
                    snapshots.get(planId)))), "the problem snapshot");
        }
        List<StoredAssignment> kept = plan.assignments().stream().filter(a -> recordsWork(planId, a)).toList();
        Set<String> keptShifts = new HashSet<>();
        kept.forEach(a -> keptShifts.add(shiftKey(a.assignment().volunteerId(), a.assignment().slotId())));
        List<StoredAssignment> replaced = new ArrayList<>(kept);
        assignments.stream().filter(a -> !keptShifts.contains(shiftKey(a.volunteerId(), a.slotId())))
                .forEach(a -> replaced.add(new StoredAssignment(a, false)));
        plans.put(planId, new StoredPlan(planId, plan.problem(), score, status, plan.createdAt(), now(), replaced,
                null));
    }

    @Override
    public synchronized boolean replaceAssignmentsFenced(long planId, long claim, List<Assignment> assignments,
            PlanStatus status, String score) {
        plan(planId);
        if (claim < fences.getOrDefault(planId, 0L)) {
            return false;
        }
        replaceAssignments(planId, assignments, status, score);
        fences.put(planId, claim);
        return true;
    }

    @Override
    public synchronized void raiseWriteFence(long planId, long claim) {
        plan(planId);
        fences.merge(planId, claim, Math::max);
    }

    @Override
    public synchronized void replaceSnapshot(long planId, FieldPlanProblem snapshot) {
        plan(planId);
        snapshots.put(planId, ProblemJson.toJson(snapshot));
    }

    /** Whether the assignment records work done (a field report, or marked done), which a re-plan must keep. */
    private boolean recordsWork(long planId, StoredAssignment stored) {
        Assignment a = stored.assignment();
        return stored.done() || reports.getOrDefault(planId, List.of()).stream()
                .anyMatch(r -> r.volunteerId().equals(a.volunteerId()) && r.slotId().equals(a.slotId()));
    }

    @Override
    public synchronized void setPinned(long planId, String volunteerId, String slotId, boolean pinned) {
        replaceAssignment(planId, volunteerId, slotId, old -> new StoredAssignment(new Assignment(
                old.assignment().volunteerId(), old.assignment().slotId(), old.assignment().precinctId(), pinned),
                old.done()));
    }

    @Override
    public synchronized void setDone(long planId, String volunteerId, String slotId, boolean done) {
        replaceAssignment(planId, volunteerId, slotId, old -> new StoredAssignment(old.assignment(), done));
    }

    private void replaceAssignment(long planId, String volunteerId, String slotId,
            UnaryOperator<StoredAssignment> change) {
        StoredPlan plan = plan(planId);
        List<StoredAssignment> assignments = new ArrayList<>(plan.assignments());
        int position = position(plan, volunteerId, slotId);
        assignments.set(position, change.apply(assignments.get(position)));
        plans.put(planId, new StoredPlan(planId, plan.problem(), plan.score(), plan.status(), plan.createdAt(), now(),
                assignments, null));
    }

    @Override
    public synchronized void addFieldReport(FieldReport report) {
        position(plan(report.planId()), report.volunteerId(), report.slotId());
        FieldReport stored = new FieldReport(report.planId(), report.volunteerId(), report.slotId(),
                report.doorsKnocked(), report.contacts(), report.reportedAt().truncatedTo(ChronoUnit.MICROS));
        List<FieldReport> planReports = reports.computeIfAbsent(report.planId(), id -> new ArrayList<>());
        for (int i = 0; i < planReports.size(); i++) {
            FieldReport earlier = planReports.get(i);
            if (earlier.volunteerId().equals(report.volunteerId()) && earlier.slotId().equals(report.slotId())) {
                planReports.set(i, stored);
                setPinned(report.planId(), report.volunteerId(), report.slotId(), true);
                return;
            }
        }
        planReports.add(stored);
        setPinned(report.planId(), report.volunteerId(), report.slotId(), true);
    }

    @Override
    public synchronized List<FieldReport> fieldReports(long planId) {
        return List.copyOf(reports.getOrDefault(planId, List.of()));
    }

    @Override
    public synchronized Map<String, Long> doorsKnockedByPrecinct(String regionId) {
        Map<String, Long> doors = new HashMap<>();
        for (Map.Entry<Long, List<FieldReport>> entry : reports.entrySet()) {
            StoredPlan plan = plans.get(entry.getKey());
            if (plan.problem() == null || !plan.problem().regionId().equals(regionId)) {
                continue;
            }
            Map<String, String> precinctByShift = new HashMap<>();
            plan.solverAssignments().forEach(a -> precinctByShift.put(shiftKey(a.volunteerId(), a.slotId()),
                    a.precinctId()));
            for (FieldReport report : entry.getValue()) {
                doors.merge(precinctByShift.get(shiftKey(report.volunteerId(), report.slotId())),
                        (long) report.doorsKnocked(), Long::sum);
            }
        }
        return doors;
    }

    private StoredPlan plan(long planId) {
        StoredPlan plan = plans.get(planId);
        if (plan == null) {
            throw new NoSuchElementException("unknown plan " + planId);
        }
        return plan;
    }

    private static String shiftKey(String volunteerId, String slotId) {
        return volunteerId + '\u0000' + slotId;
    }

    private static int position(StoredPlan plan, String volunteerId, String slotId) {
        List<StoredAssignment> assignments = plan.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i).assignment();
            if (a.volunteerId().equals(volunteerId) && a.slotId().equals(slotId)) {
                return i;
            }
        }
        throw new NoSuchElementException("plan " + plan.id() + " has no assignment for " + volunteerId + " in "
                + slotId);
    }

    /** Microseconds, as PostgreSQL keeps them, so that both stores return the same instants. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
