package org.fieldplan.api.live;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LivePlanStore;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.ProblemPreparer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Each region's live plan: the job organizers' sheets, volunteers' links and field news address through the region,
 * and its numbered versions. A publish makes a new live job ({@link CarryOver}); every other change happens to the
 * live job (a repair, an organizer's action, a volunteer's answer) and is then recorded as a version with who, why
 * and the plan's assignments, so that its difference from the version before can be shown and any version restored.
 * Writes to one region's live plan run one at a time here; the store refuses a version made from a stale one.
 */
@Service
public class LivePlans {

    static final Pattern REGION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The live plan as it stands: its newest version and the job serving it. */
    public record Live(LiveVersion version, Job job) {
    }

    private final LivePlanStore store;
    private final JobService jobs;
    private final CarryOver carryOver;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Object> regionLocks = new ConcurrentHashMap<>();
    /** Per region, the plan object last compared with the newest version (a new object may hold a repair). */
    private final Map<String, FieldPlan> synced = new ConcurrentHashMap<>();

    public LivePlans(LivePlanStore store, JobService jobs, CarryOver carryOver, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.jobs = jobs;
        this.carryOver = carryOver;
        this.clock = clock;
        this.events = events;
    }

    LivePlanStore store() {
        return store;
    }

    /** Runs {@code write} alone among this instance's writes to the region's live plan. */
    <T> T exclusively(String regionId, Supplier<T> write) {
        synchronized (regionLocks.computeIfAbsent(regionId, r -> new Object())) {
            return write.get();
        }
    }

    /**
     * The region's live plan, with a repair that ended since the newest version (e.g. one that was queued) recorded
     * first as a version of its own.
     *
     * @throws ApiException 404 when nothing was published for the region
     */
    public Live current(String regionId) {
        requireRegionId(regionId);
        LiveVersion latest = store.latest(regionId).orElseThrow(() -> ApiException.notFound(
                "live plan of region", regionId));
        Job job = jobs.get(latest.jobId());
        FieldPlan plan = job.getBestPlan();
        if (plan != null && synced.get(regionId) != plan && !job.getStatus().isActive()) {
            List<Assignment> now = ProblemPreparer.assignmentsOf(plan);
            if (!new HashSet<>(now).equals(new HashSet<>(latest.assignments()))) {
                latest = exclusively(regionId, () -> appendFrom(regionId, "repair", "repair", null,
                        "the repair lane changed the plan"));
            }
            synced.put(regionId, plan);
        }
        return new Live(latest, job);
    }

    /**
     * The region's newest version without its assignments, recording a repair that ended since first (as
     * {@link #current}) only when the live job's plan object changed: cheap enough for a timer.
     *
     * @throws ApiException 404 when nothing was published for the region
     */
    LiveVersion head(String regionId) {
        LiveVersion head = store.head(regionId).orElseThrow(() -> ApiException.notFound("live plan of region",
                regionId));
        Job job = jobs.get(head.jobId());
        FieldPlan plan = job.getBestPlan();
        boolean mayHoldRepair = plan != null && synced.get(regionId) != plan && !job.getStatus().isActive();
        return mayHoldRepair ? current(regionId).version() : head;
    }

    /** Every region with a live plan (for work over all of them, e.g. reminders). */
    public Set<String> regions() {
        return store.liveJobIds().keySet();
    }

    /** The region's live job id, if it has a live plan (no sync: for routing and links). */
    public Optional<String> liveJobId(String regionId) {
        return store.liveJobId(regionId);
    }

    /**
     * Publishes a job's plan (ended, or the current best of a running solve) as the region's live plan.
     *
     * @throws ApiException 400 for a bad region id, 404 for an unknown job, 409 for a job without a plan or of
     *     another region
     */
    public LiveVersion publish(String regionId, String jobId, Caller caller) {
        requireRegionId(regionId);
        if (jobId == null || jobId.isBlank()) {
            throw ApiException.invalid("jobId", "is required: the job whose plan goes live");
        }
        Job source = jobs.get(jobId);
        source.requireBestPlan();
        if (source.getSource() != null && !source.getSource().regionId().equals(regionId)) {
            throw ApiException.conflict("job " + jobId + " plans region " + source.getSource().regionId()
                    + ", not " + regionId);
        }
        return exclusively(regionId, () -> {
            Optional<LiveVersion> latest = store.latest(regionId);
            Job previous = latest.map(v -> jobs.get(v.jobId())).orElse(null);
            CarryOver.Published published = carryOver.publish(source, previous, store.locks(regionId),
                    "live " + regionId + " (from " + source.getProblemName() + ")");
            String reason = "published job " + jobId + " (" + published.job().getBestSummary().score() + "); carried "
                    + "over: " + String.join("; ", published.carried());
            return append(regionId, published.job(), "publish", caller.actor(), organizerOf(caller), reason,
                    latest.orElse(null));
        });
    }

    /**
     * A change the service makes to the live plan on its own (volunteers who signed up joining), recorded as a
     * version (the region's event listeners see it at their next look).
     *
     * @throws ApiException 404 when nothing was published for the region
     */
    public <T> T changeOnOwn(String regionId, String kind, String actor, String reason, Function<Job, T> change) {
        requireRegionId(regionId);
        return exclusively(regionId, () -> {
            String jobId = liveJobId(regionId).orElseThrow(() -> ApiException.notFound("live plan of region",
                    regionId));
            T changed = change.apply(jobs.get(jobId));
            appendFrom(regionId, kind, actor, null, reason);
            return changed;
        });
    }

    /**
     * Records the live job's plan as it is now as a new version (after a repair, a volunteer's answer, an organizer's
     * action). Call it holding {@link #exclusively}.
     */
    LiveVersion record(String regionId, String kind, Caller caller, String reason) {
        return appendFrom(regionId, kind, caller.actor(), organizerOf(caller), reason);
    }

    private LiveVersion appendFrom(String regionId, String kind, String actor, String organizerId, String reason) {
        LiveVersion latest = store.latest(regionId).orElseThrow(() -> ApiException.notFound(
                "live plan of region", regionId));
        Job job = jobs.get(latest.jobId());
        LiveVersion stored = append(regionId, job, kind, actor, organizerId, reason, latest);
        synced.put(regionId, job.requireBestPlan());
        return stored;
    }

    /** Stores the next version after {@code previous} (null: the first) and tells listeners, e.g. change notices. */
    private LiveVersion append(String regionId, Job job, String kind, String actor, String organizerId, String reason,
            LiveVersion previous) {
        LiveVersion version = new LiveVersion(regionId, 0, job.getId(), kind, actor, organizerId, reason,
                clock.instant(), ProblemPreparer.assignmentsOf(job.requireBestPlan()));
        LiveVersion stored = store.append(version, previous == null ? 0 : previous.number())
                .orElseThrow(() -> ApiException.conflict("the live plan of " + regionId + " changed meanwhile (on "
                        + "another instance); send the change again"));
        events.publishEvent(new LivePlanChanged(stored, previous, job));
        return stored;
    }

    /** The version and what it changed from the one before (the first: from nothing). */
    public LiveDiff diff(LiveVersion version) {
        List<Assignment> before = version.number() == 1 ? List.of()
                : store.version(version.regionId(), version.number() - 1).map(LiveVersion::assignments)
                        .orElse(List.of());
        return LiveDiff.between(before, version.assignments());
    }

    public LiveVersion version(String regionId, int number) {
        requireRegionId(regionId);
        return store.version(regionId, number).orElseThrow(() -> ApiException.notFound("version of the live plan of "
                + regionId, Integer.toString(number)));
    }

    public List<LiveVersion> versions(String regionId) {
        current(regionId);
        return store.versions(regionId);
    }

    static String organizerOf(Caller caller) {
        return caller.isOrganizer() ? caller.organizerId() : null;
    }

    static void requireRegionId(String regionId) {
        if (regionId == null || !REGION_ID.matcher(regionId).matches()) {
            throw ApiException.invalid("region", "must be 1 to 64 letters, digits, '-' or '_', starting with a letter"
                    + " or digit");
        }
    }
}
