package org.fieldplan.api.replan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.PlanChanges;
import org.fieldplan.api.jobs.RepairLane;
import org.fieldplan.api.messages.ChangeNotices;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.validation.ValidationError;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.springframework.stereotype.Service;

/**
 * Re-plans a job after news from the field. A cancellation removes the volunteer's shifts; a field report pins the
 * worked shift and lowers its precinct's remaining doors; a late volunteer or late availability adds shifts to fill.
 * All go through {@link PlanChanges#apply} as OptaPlanner problem changes; shifts that have started are pinned, and a
 * repair re-opens only what the news may have made infeasible ({@link RepairScope}: the cancelled volunteer's
 * teammates, the reported precinct's teams in every later slot, the newcomer's slots, and who was not sent out there
 * and has room), so the rest of the plan stays as it was. The answer lists what changed and says whether it is applied
 * or queued, and by when; a repair that ends with more hard rules broken than before says which. News already taken
 * (the same cancellation or report again) is answered at once as a duplicate ({@link NewsLedger}).
 *
 * <p>Longer than most classes (~450 lines) because every kind of news shares the one path kept here (admission, the
 * ledger, the started-shift rule, the repair hand-off, the answer); what differs per kind already lives elsewhere:
 * the problem changes in {@link PlanChanges}, what a repair may move in {@link RepairScope}.
 */
@Service
public class ReplanService {

    /** How long past one repair's maximum time to wait for its result before answering that it is queued. */
    private static final Duration ANSWER_GRACE = Duration.ofMillis(250);
    /** What the news ledger keeps for a cancelled volunteer-slot. */
    private static final String CANCELLED = "cancelled";

    private final PlanChanges planChanges;
    private final PlanClock planClock;
    private final Clock clock;
    private final Duration answerWithin;
    private final NewsLedger news;
    private final HardRuleBreaks hardRuleBreaks;
    private final ChangeNotices notices;

    public ReplanService(PlanChanges planChanges, PlanClock planClock, Clock clock, RepairLane repairLane,
            NewsLedger news, HardRuleBreaks hardRuleBreaks, ChangeNotices notices) {
        this.planChanges = planChanges;
        this.planClock = planClock;
        this.clock = clock;
        this.answerWithin = repairLane.maxRepair().plus(ANSWER_GRACE);
        this.news = news;
        this.hardRuleBreaks = hardRuleBreaks;
        this.notices = notices;
    }

    public ReplanResult cancel(Job job, ReplanRequests.Cancellation request, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        Volunteer volunteer = volunteer(plan, request.volunteerId(), caller);
        Predicate<Shift> started = startedBefore(plan);
        List<Shift> own = plan.getShifts().stream().filter(s -> s.getVolunteer() == volunteer).toList();
        Map<String, Integer> reported = planChanges.reportedDoorsBySlot(job, volunteer.getId());
        List<Shift> cancelled;
        if (request.slotId() != null) {
            cancelled = own.stream().filter(s -> s.getSlot().getId().equals(request.slotId())).toList();
            if (cancelled.isEmpty()) {
                if (news.has(job.getId(), cancellation(volunteer.getId(), request.slotId()), CANCELLED)) {
                    return duplicate(job, plan, "already cancelled: " + volunteer.getId() + "'s shift on "
                            + request.slotId() + " left the plan before; nothing more to do");
                }
                throw ApiException.invalid("slotId", "volunteer " + volunteer.getId() + " has no shift in slot \""
                        + request.slotId() + "\"");
            }
            if (reported.containsKey(request.slotId())) {
                throw ApiException.conflict("volunteer " + volunteer.getId() + "'s shift on " + request.slotId()
                        + " was already reported as worked; it cannot be cancelled (send a corrected field report)");
            }
        } else {
            // Work reported done stays done, started or not.
            cancelled = own.stream().filter(started.negate())
                    .filter(s -> !reported.containsKey(s.getSlot().getId())).toList();
            if (cancelled.isEmpty()) {
                throw ApiException.conflict("volunteer " + volunteer.getId() + " has no shift left to cancel");
            }
        }
        // Of identical cancellations at once, one takes each slot; the others are answered at once, repairing nothing.
        List<Shift> taken = cancelled.stream()
                .filter(s -> news.take(job.getId(), cancellation(volunteer.getId(), s.getSlot().getId()), CANCELLED))
                .toList();
        if (taken.isEmpty()) {
            return duplicate(job, plan, "already cancelled: " + volunteer.getId() + "'s shift on "
                    + slotIds(cancelled.stream().map(Shift::getSlot).toList())
                    + " is being taken out of the plan; nothing more to do");
        }
        Set<String> slotIds = new LinkedHashSet<>();
        List<String> effects = new ArrayList<>();
        for (Shift shift : taken) {
            slotIds.add(shift.getSlot().getId());
            effects.add("removed " + volunteer.getId() + "'s shift on " + shift.getSlot().getId() + " (was "
                    + (shift.getPrecinct() == null ? "not sent out" : shift.getPrecinct().getId()) + ")");
        }
        List<TimeSlot> cancelledSlots = taken.stream().map(Shift::getSlot).toList();
        try {
            return apply(job, plan, Set.of(volunteer.getId()), new CancelShifts(volunteer.getId(), Set.copyOf(slotIds)),
                    RepairScope.afterCancellation(plan, taken), started, effects,
                    () -> planChanges.recordCancellation(job, volunteer.getId(), cancelledSlots));
        } catch (ApiException refused) {
            slotIds.forEach(slot -> news.forget(job.getId(), cancellation(volunteer.getId(), slot), CANCELLED));
            throw refused;
        }
    }

    public ReplanResult fieldReport(Job job, ReplanRequests.FieldReport request, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        request.requireValid();
        Volunteer volunteer = volunteer(plan, request.volunteerId(), caller);
        Shift shift = plan.getShifts().stream()
                .filter(s -> s.getVolunteer() == volunteer && s.getSlot().getId().equals(request.slotId())
                        && s.getPrecinct() != null)
                .findFirst().orElseThrow(() -> ApiException.invalid("slotId", "volunteer " + volunteer.getId()
                        + " has no assignment in slot \"" + request.slotId() + "\""));
        var precinct = shift.getPrecinct();
        Predicate<Shift> started = startedBefore(plan);
        requireStarted(shift, started);
        String key = "report " + shift.getId();
        String counts = request.doorsKnocked() + " doors, " + request.contacts() + " contacts";
        FieldReport stored = planChanges.reportsBySlot(job, volunteer.getId()).get(shift.getSlot().getId());
        if (stored != null && stored.doorsKnocked() == request.doorsKnocked()
                && stored.contacts() == request.contacts() || !news.take(job.getId(), key, counts)) {
            return duplicate(job, plan, "already recorded: " + volunteer.getId() + "'s report on "
                    + shift.getSlot().getId() + " (" + counts + "); nothing more to do");
        }
        double remainingBefore = precinct.getRemainingDoors();
        // A report replaces an earlier one for the same shift: only the difference is news for the precinct.
        Integer reportedBefore = stored == null ? null : stored.doorsKnocked();
        int additionalDoors = request.doorsKnocked() - (reportedBefore == null ? 0 : reportedBefore);
        List<String> effects = List.of(
                "pinned " + volunteer.getId() + "'s shift on " + shift.getSlot().getId() + " in " + precinct.getId()
                        + " as worked (" + request.doorsKnocked() + " doors, " + request.contacts() + " contacts"
                        + (reportedBefore == null ? "" : "; replaces the earlier report of " + reportedBefore + " doors")
                        + ")",
                String.format(Locale.ROOT, "%s: remaining doors %.0f -> %.0f", precinct.getId(), remainingBefore,
                        RecordFieldReport.remainingAfter(precinct, additionalDoors)));
        try {
            return apply(job, plan, Set.of(volunteer.getId()),
                    new RecordFieldReport(shift.getId(), precinct.getId(), additionalDoors),
                    RepairScope.afterFieldReport(plan, shift, started),
                    s -> started.test(s) || s.getId().equals(shift.getId()), effects,
                    () -> planChanges.recordFieldReport(job, volunteer.getId(), shift.getSlot().getId(),
                            request.doorsKnocked(), request.contacts()));
        } catch (ApiException refused) {
            news.forget(job.getId(), key, counts);
            throw refused;
        }
    }

    /**
     * The one rule for when a shift can be reported on, whoever reports (an organizer, or the volunteer through their
     * link): once it has started.
     */
    static void requireStarted(Shift shift, Predicate<Shift> started) {
        if (!started.test(shift)) {
            throw ApiException.conflict("the shift " + shift.getSlot().getId() + " has not started yet: report on it "
                    + "once it has (from " + shift.getSlot().getStart() + ")");
        }
    }

    /**
     * A volunteer who signed up late joins the plan: the body is a volunteer object of the problem format, checked
     * by the validator's volunteer rules. Organizers may add volunteers to their own turf only.
     */
    public ReplanResult addVolunteer(Job job, String body, Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        Volunteer read = ProblemJson.readVolunteer(body == null ? "" : body, precinctIds(plan));
        if (caller.isOrganizer() && !caller.organizerId().equals(read.getOrganizerId())) {
            throw read.getOrganizerId() == null
                    ? ApiException.invalid("organizerId", "is required; an organizer adds to their own turf (\""
                            + caller.organizerId() + "\")")
                    : ApiException.forbidden("organizer " + caller.organizerId()
                            + " may add volunteers to their own turf only, not to \"" + read.getOrganizerId() + "\"");
        }
        if (plan.getVolunteers().stream().anyMatch(v -> v.getId().equals(read.getId()))) {
            throw ApiException.conflict("volunteer " + read.getId()
                    + " is already in this job; add time with POST .../volunteers/" + read.getId() + "/availability");
        }
        return addVolunteers(job, List.of(read));
    }

    /**
     * Volunteers who signed up join the plan together: one problem change and one repair for all of them (a burst of
     * sign-ups is not a repair each). The repair opens only who was not sent out in the newcomers' slots.
     */
    public ReplanResult addVolunteers(Job job, List<Volunteer> newcomers) {
        FieldPlan plan = job.requireBestPlan();
        var travelTimes = ProblemPreparer.defaultTravelTimes(plan);
        List<ProblemChange<FieldPlan>> changes = new ArrayList<>();
        Set<String> slotIds = new LinkedHashSet<>();
        List<String> effects = new ArrayList<>();
        for (Volunteer newcomer : newcomers) {
            ProblemPreparer.prepareVolunteer(newcomer, plan, travelTimes);
            List<TimeSlot> slots = openSlots(plan, newcomer, "availability");
            effects.add("added volunteer " + newcomer.getId() + " (organizer " + newcomer.getOrganizerId() + ", "
                    + newcomer.getCandidatePrecincts().size() + " reachable precincts) with " + slots.size()
                    + " shifts to fill: " + slotIds(slots));
            slotIds.addAll(slotIds(slots));
            changes.add(new AddVolunteerShifts(newcomer, Set.copyOf(slotIds(slots))));
        }
        planChanges.admitVolunteers(job, newcomers);
        ProblemChange<FieldPlan> all = (working, director) -> changes.forEach(c -> c.doChange(working, director));
        return apply(job, plan, ids(newcomers), all, RepairScope.idleIn(slotIds), startedBefore(plan), effects,
                () -> planChanges.recordVolunteers(job, newcomers));
    }

    /** An existing volunteer offers more time: the body is {@code {"availability": [{"start","end"}, ...]}}. */
    public ReplanResult addAvailability(Job job, String volunteerId, ReplanRequests.LateAvailability request,
            Caller caller) {
        FieldPlan plan = job.requireBestPlan();
        Volunteer volunteer = volunteer(plan, volunteerId, caller);
        List<AvailabilityWindow> windows = windows(request);
        // Checked alone, so that error paths index the request's windows.
        Volunteer offering = volunteer.withAvailability(windows, plan.getTimeSlots());
        List<ValidationError> errors = ProblemValidator.validateVolunteer(offering, precinctIds(plan));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<AvailabilityWindow> all = new ArrayList<>(volunteer.getAvailability());
        all.addAll(windows);
        Volunteer extended = volunteer.withAvailability(all, plan.getTimeSlots());
        Set<String> hasShift = new HashSet<>();
        plan.getShifts().stream().filter(s -> s.getVolunteer() == volunteer)
                .forEach(s -> hasShift.add(s.getSlot().getId()));
        List<TimeSlot> slots = openSlots(plan, offering, "availability").stream()
                .filter(slot -> !hasShift.contains(slot.getId())).toList();
        if (slots.isEmpty()) {
            throw ApiException.invalid("availability", "adds no slot that " + volunteer.getId()
                    + " has not offered already");
        }
        List<String> effects = new ArrayList<>();
        effects.add("added " + slots.size() + " shifts to fill for " + volunteer.getId() + ": " + slotIds(slots));
        return addShifts(job, plan, extended, slots, effects);
    }

    /**
     * Adds the volunteer's new shifts. The repair opens only who was not sent out in those slots (to pair with the
     * newcomer); everyone else keeps their assignment.
     */
    private ReplanResult addShifts(Job job, FieldPlan plan, Volunteer volunteer, List<TimeSlot> slots,
            List<String> effects) {
        Set<String> slotIds = new LinkedHashSet<>(slotIds(slots));
        return apply(job, plan, Set.of(volunteer.getId()), new AddVolunteerShifts(volunteer, Set.copyOf(slotIds)),
                RepairScope.idleIn(slotIds),
                startedBefore(plan),
                effects, () -> planChanges.recordVolunteer(job, volunteer));
    }

    /**
     * A staging location closes for a slot ({@code closed}: the location with its new hours): its teams in that slot
     * move to turf of another location (or go home), with whoever was not sent out in the slot to pair them up.
     */
    public ReplanResult stagingClosed(Job job, StagingLocation closed, String slotId) {
        FieldPlan plan = job.requireBestPlan();
        Predicate<Shift> displaced = s -> s.getPrecinct() != null && s.getSlot().getId().equals(slotId)
                && s.getPrecinct().getStaging() != null && s.getPrecinct().getStaging().id().equals(closed.id());
        long teams = plan.getShifts().stream().filter(displaced).map(Shift::getTeamKey).distinct().count();
        List<String> effects = List.of("closed staging location " + closed.id() + " for " + slotId + ": " + teams
                + (teams == 1 ? " team" : " teams") + " to move");
        return apply(job, plan, Set.of(), new CloseStaging(closed), displaced.or(RepairScope.idleIn(Set.of(slotId))),
                startedBefore(plan), effects, () -> { });
    }

    /**
     * An organizer moved a driver away from riders who could not come along: they are repaired exactly as the riders
     * of a driver who cancelled ({@link RepairScope#afterCancellation} of the driver's car as it was), each re-seated
     * with another driver or moved, and told. The job's plan already has the move.
     *
     * @param driverBefore the driver's shift before the move (its car and team are what the repair reopens)
     * @param riderIds the riders left behind; the driver and the riders who stayed or came along keep their shifts
     */
    public ReplanResult reseatRiders(Job job, Shift driverBefore, List<String> riderIds) {
        FieldPlan plan = job.requireBestPlan();
        String driverId = driverBefore.getVolunteer().getId();
        Predicate<Shift> kept = s -> s.getVolunteer().getId().equals(driverId) || s.getRide() != null
                && s.getRide().getId().equals(driverId) && !riderIds.contains(s.getVolunteer().getId());
        Predicate<Shift> started = startedBefore(plan);
        List<String> effects = List.of("moved driver " + driverId + " on " + driverBefore.getSlot().getId()
                + ": riders left to re-seat: " + String.join(", ", riderIds));
        // The move is in the plan already: the repair only re-seats.
        ProblemChange<FieldPlan> nothingElse = (working, director) -> { };
        return apply(job, plan, Set.of(driverId), nothingElse, RepairScope.afterCancellation(plan,
                List.of(driverBefore)), started.or(kept), effects, () -> { });
    }

    private static Set<String> ids(List<Volunteer> volunteers) {
        Set<String> ids = new HashSet<>();
        volunteers.forEach(v -> ids.add(v.getId()));
        return ids;
    }

    /** The plan's slots the volunteer's availability covers and that have not started; a 400 if there are none. */
    private List<TimeSlot> openSlots(FieldPlan plan, Volunteer volunteer, String field) {
        LocalDateTime now = planClock.now(plan);
        List<TimeSlot> slots = plan.getTimeSlots().stream()
                .filter(slot -> volunteer.isAvailableFor(slot) && !PlanClock.hasStarted(slot, now)).toList();
        if (slots.isEmpty()) {
            throw ApiException.invalid(field, "covers no time slot of this plan that has not started (slots: "
                    + slotIds(plan.getTimeSlots()) + ")");
        }
        return slots;
    }

    private static List<AvailabilityWindow> windows(ReplanRequests.LateAvailability request) {
        if (request == null || request.availability() == null || request.availability().isEmpty()) {
            throw ApiException.invalid("availability", "is required: at least one {start, end} window");
        }
        List<ValidationError> errors = new ArrayList<>();
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (int i = 0; i < request.availability().size(); i++) {
            ReplanRequests.Window window = request.availability().get(i);
            String path = ErrorPath.item("availability", i, null);
            if (window == null || window.start() == null || window.end() == null) {
                errors.add(new ValidationError(path, "needs both start and end"));
            } else {
                windows.add(new AvailabilityWindow(window.start(), window.end()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return windows;
    }

    private static Set<String> precinctIds(FieldPlan plan) {
        Set<String> ids = new HashSet<>();
        plan.getPrecincts().forEach(p -> ids.add(p.getId()));
        return ids;
    }

    private static List<String> slotIds(List<TimeSlot> slots) {
        return slots.stream().map(TimeSlot::getId).toList();
    }

    /**
     * @param concerns the volunteers whose news it is: the others whose shifts the repair changes are told
     * @param accepted runs once the job took the change (it is solved here, or was claimed here for the repair), e.g.
     *     to persist the news; not when the change is refused
     */
    private ReplanResult apply(Job job, FieldPlan before, Set<String> concerns, ProblemChange<FieldPlan> change,
            Predicate<Shift> open, Predicate<Shift> alwaysPinned, List<String> effects, Runnable accepted) {
        PlanSummary summaryBefore = PlanSummary.of(before);
        Map<String, Placements.Placement> assignmentsBefore = Placements.of(before);
        PlanChanges.PlanChange applied = planChanges.apply(job, change, open, alwaysPinned);
        // Stored before waiting for the repair: once accepted, the news is kept whatever the repair's fate.
        accepted.run();
        // Whoever else the repair moves is told once it is done, also when it finishes after this answer (queued).
        applied.result().thenAccept(after -> {
            if (after != null) {
                notices.planChanged(job, after, new ReplanResult(job.getId(), "REPAIRED", clock.instant(), effects,
                        Placements.diff(assignmentsBefore, Placements.of(after)), null, null, null, null), concerns);
            }
        });
        FieldPlan after;
        try {
            after = applied.result().get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Queued behind other repairs of the lane: it goes on and saves its plan; the answer says by when.
            return new ReplanResult(job.getId(), "REPAIR_QUEUED", applied.appliedBy(), effects, List.of(),
                    summaryBefore.score(), null, summaryBefore.expectedNetVotes(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while repairing job " + job.getId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused) {
                throw refused;
            }
            throw new IllegalStateException("Repair of job " + job.getId() + " failed", e.getCause());
        }
        if (after == null) {
            return new ReplanResult(job.getId(), "RUNNING_SOLVE", clock.instant(), effects, List.of(),
                    summaryBefore.score(), null, summaryBefore.expectedNetVotes(), null);
        }
        PlanSummary summaryAfter = PlanSummary.of(after);
        // What the news left that no repair may change (a started or reported shift) can still break a rule: say so.
        boolean worse = hard(after) < hard(before);
        return new ReplanResult(job.getId(), worse ? "REPAIRED_WITH_BREAKS" : "REPAIRED", clock.instant(), effects,
                Placements.diff(assignmentsBefore, Placements.of(after)), summaryBefore.score(), summaryAfter.score(),
                summaryBefore.expectedNetVotes(), summaryAfter.expectedNetVotes(),
                worse ? hardRuleBreaks.of(after) : List.of());
    }

    private static long hard(FieldPlan plan) {
        return plan.getScore() == null ? 0 : plan.getScore().hardScore();
    }

    /** The answer to news already taken: what was done, at once, with nothing applied again. */
    private ReplanResult duplicate(Job job, FieldPlan plan, String effect) {
        PlanSummary summary = PlanSummary.of(plan);
        return new ReplanResult(job.getId(), "DUPLICATE", clock.instant(), List.of(effect), List.of(),
                summary.score(), summary.score(), summary.expectedNetVotes(), summary.expectedNetVotes());
    }

    private static String cancellation(String volunteerId, String slotId) {
        return "cancel " + volunteerId + "@" + slotId;
    }

    private Predicate<Shift> startedBefore(FieldPlan plan) {
        LocalDateTime now = planClock.now(plan);
        return shift -> PlanClock.hasStarted(shift.getSlot(), now);
    }

    private static Volunteer volunteer(FieldPlan plan, String volunteerId, Caller caller) {
        if (volunteerId == null || volunteerId.isBlank()) {
            throw ApiException.invalid("volunteerId", "is required");
        }
        Volunteer volunteer = plan.getVolunteers().stream().filter(v -> v.getId().equals(volunteerId)).findFirst()
                .orElseThrow(() -> ApiException.invalid("volunteerId",
                        "no volunteer \"" + volunteerId + "\" in this job"));
        if (!caller.maySee(volunteer)) {
            throw ApiException.forbidden("volunteer " + volunteerId + " belongs to another organizer");
        }
        return volunteer;
    }
}
