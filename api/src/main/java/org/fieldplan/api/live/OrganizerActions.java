package org.fieldplan.api.live;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.LivePlanJobs;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.replan.ReplanService;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.data.live.ShiftFact;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organizer steering the live plan by hand: move, swap, assign, unassign, lock, unlock, note. A change to who goes
 * where is checked against the hard rules first ({@link RuleCheck}) and touches only the shifts it names (no repair
 * runs); a started, reported or locked shift is not moved. Each action is a version of the live plan.
 */
@Service
public class OrganizerActions {

    /**
     * What an action did: the version it made, the rule breaks the organizer accepted and, when a moved driver left
     * riders behind, the repair that re-seated them (else left out).
     */
    public record Done(LiveVersionView version, List<String> acceptedBreaks,
            @JsonInclude(JsonInclude.Include.NON_NULL) ReplanResult ridersRepair) {

        Done(LiveVersionView version, List<String> acceptedBreaks) {
            this(version, acceptedBreaks, null);
        }
    }

    private final LivePlans live;
    private final LivePlanJobs livePlanJobs;
    private final RuleCheck rules;
    private final DataStores stores;
    private final PlanClock planClock;
    private final Clock clock;
    private final LiveEvents events;
    private final ReplanService replan;

    public OrganizerActions(LivePlans live, LivePlanJobs livePlanJobs, RuleCheck rules, DataStores stores,
            PlanClock planClock, Clock clock, LiveEvents events, ReplanService replan) {
        this.live = live;
        this.livePlanJobs = livePlanJobs;
        this.rules = rules;
        this.stores = stores;
        this.planClock = planClock;
        this.clock = clock;
        this.events = events;
        this.replan = replan;
    }

    public Done move(String regionId, LiveRequests.Move request, Caller caller) {
        return change(regionId, caller, "move", request.accept(), edit -> {
            Shift from = edit.shift(request.volunteerId(), request.slotId(), null);
            if (from.getPrecinct() == null) {
                throw ApiException.invalid("slotId", request.volunteerId() + " is not sent out in " + request.slotId()
                        + ": assign instead");
            }
            boolean otherSlot = request.toSlotId() != null && !request.toSlotId().equals(request.slotId());
            Shift to = otherSlot ? edit.shift(request.volunteerId(), request.toSlotId(), "to") : from;
            Precinct precinct = request.toPrecinctId() == null ? from.getPrecinct()
                    : edit.precinct(request.toPrecinctId(), "toPrecinctId");
            if (otherSlot && to.getPrecinct() != null) {
                throw ApiException.conflict(request.volunteerId() + " is already sent out in " + request.toSlotId()
                        + " (to " + to.getPrecinct().getId() + "): swap or unassign first");
            }
            if (!otherSlot && precinct == from.getPrecinct()) {
                throw ApiException.invalid("toPrecinctId", "is where " + request.volunteerId() + " goes already");
            }
            if (otherSlot) {
                edit.send(from, null);
            }
            edit.send(to, precinct);
            List<Shift> touched = new ArrayList<>(List.of(from, to));
            touched.addAll(withRiders(edit, from, otherSlot ? null : precinct));
            return touched;
        }, "moved " + request.volunteerId() + " in " + request.slotId() + " to "
                + (request.toPrecinctId() == null ? "" : request.toPrecinctId() + " ")
                + (request.toSlotId() == null ? "" : "in " + request.toSlotId()));
    }

    /**
     * A driver's riders follow the move (docs/live-plan.md): they stay or come along where the carpool rules allow,
     * the others are left to a repair. Returns the riders who come along.
     *
     * @param to the driver's new precinct in the same slot; null when the driver leaves the slot
     */
    private static List<Shift> withRiders(ShiftEdit edit, Shift driver, Precinct to) {
        MovedDriver.Riders riders = MovedDriver.riders(edit.plan(), driver, to);
        for (Shift rider : riders.comeAlong()) {
            edit.send(rider, to).ride(rider, driver.getVolunteer());
        }
        riders.left().forEach(edit::leaveToRepair);
        return riders.comeAlong();
    }

    public Done swap(String regionId, LiveRequests.Swap request, Caller caller) {
        if (request.first() == null || request.second() == null) {
            throw ApiException.invalid(request.first() == null ? "first" : "second",
                    "is required: {volunteerId, slotId}");
        }
        return change(regionId, caller, "swap", request.accept(), edit -> {
            Shift a = edit.shift(request.first().volunteerId(), request.first().slotId(), "first");
            Shift b = edit.shift(request.second().volunteerId(), request.second().slotId(), "second");
            if (a == b || a.getPrecinct() == b.getPrecinct()) {
                throw ApiException.invalid("second", "goes where the first goes already: nothing to swap");
            }
            Precinct first = a.getPrecinct();
            edit.send(a, b.getPrecinct()).send(b, first);
            return List.of(a, b);
        }, "swapped " + shiftKey(request.first()) + " and " + shiftKey(request.second()));
    }

    public Done assign(String regionId, LiveRequests.Assign request, Caller caller) {
        return change(regionId, caller, "assign", request.accept(), edit -> {
            Shift shift = edit.shift(request.volunteerId(), request.slotId(), null);
            if (shift.getPrecinct() != null) {
                throw ApiException.conflict(request.volunteerId() + " is already sent out in " + request.slotId()
                        + " (to " + shift.getPrecinct().getId() + "): move instead");
            }
            edit.send(shift, edit.precinct(request.precinctId(), "precinctId"));
            return List.of(shift);
        }, "assigned " + request.volunteerId() + " in " + request.slotId() + " to " + request.precinctId());
    }

    public Done unassign(String regionId, LiveRequests.Shift request, Caller caller) {
        return change(regionId, caller, "unassign", true, edit -> {
            Shift shift = edit.shift(request.volunteerId(), request.slotId(), null);
            if (shift.getPrecinct() == null) {
                throw ApiException.conflict(request.volunteerId() + " is not sent out in " + request.slotId());
            }
            edit.send(shift, null);
            return List.of(shift);
        }, "took " + request.volunteerId() + " off " + request.slotId());
    }

    /** Locks the shift: pinned in the live plan, so that no repair moves it, and carried over by every publish. */
    public Done lock(String regionId, LiveRequests.Shift request, Caller caller) {
        Done done = change(regionId, caller, "lock", true, edit -> {
            Shift shift = edit.shift(request.volunteerId(), request.slotId(), null);
            if (shift.getPrecinct() == null) {
                throw ApiException.conflict(request.volunteerId() + " is not sent out in " + request.slotId()
                        + ": only a shift with a precinct can be locked");
            }
            edit.pin(shift, true);
            return List.of();
        }, "locked " + request.volunteerId() + "@" + request.slotId());
        live.store().lock(fact(regionId, request.volunteerId(), request.slotId(), null, caller));
        return done;
    }

    public Done unlock(String regionId, LiveRequests.Shift request, Caller caller) {
        return live.exclusively(regionId, () -> {
            LivePlans.Live current = live.current(regionId);
            Shift shift = new ShiftEdit(current.job().requireBestPlan()).shift(request.volunteerId(),
                    request.slotId(), null);
            requireVisible(shift, caller);
            if (!live.store().unlock(regionId, request.volunteerId(), request.slotId())) {
                throw ApiException.conflict(shift.getId() + " is not locked");
            }
            Set<String> reported = reported(current);
            FieldPlan plan = new ShiftEdit(current.job().requireBestPlan())
                    .pin(shift, reported.contains(shift.getId())).result();
            livePlanJobs.replace(current.job(), plan);
            return done(live.record(regionId, "unlock", caller, "unlocked " + shift.getId()), List.of());
        });
    }

    public Done note(String regionId, LiveRequests.Note request, Caller caller) {
        if (request.text() != null && request.text().length() > 500) {
            throw ApiException.invalid("text", "must be at most 500 characters, was " + request.text().length());
        }
        return live.exclusively(regionId, () -> {
            LivePlans.Live current = live.current(regionId);
            Shift shift = new ShiftEdit(current.job().requireBestPlan()).shift(request.volunteerId(),
                    request.slotId(), null);
            requireVisible(shift, caller);
            live.store().note(fact(regionId, request.volunteerId(), request.slotId(), request.text(), caller));
            boolean removed = request.text() == null || request.text().isBlank();
            return done(live.record(regionId, "note", caller, (removed ? "removed the note on " : "noted on ")
                    + shift.getId() + (removed ? "" : ": " + request.text())), List.of());
        });
    }

    /**
     * Applies an edit to the live plan: every shift it names must be the caller's to change, not started, not
     * reported and not locked; the result must keep the hard rules (or break only acceptable ones, accepted).
     */
    private Done change(String regionId, Caller caller, String kind, Boolean accept,
            Function<ShiftEdit, List<Shift>> change, String reason) {
        return live.exclusively(regionId, () -> {
            LivePlans.Live current = live.current(regionId);
            FieldPlan before = current.job().requireBestPlan();
            ShiftEdit edit = new ShiftEdit(before);
            List<Shift> touched = change.apply(edit);
            Set<String> locked = live.store().locks(regionId).stream().map(ShiftFact::shiftKey)
                    .collect(Collectors.toSet());
            Set<String> reported = reported(current);
            LocalDateTime now = planClock.now(before);
            for (Shift shift : touched) {
                requireVisible(shift, caller);
                if (PlanClock.hasStarted(shift.getSlot(), now)) {
                    throw ApiException.conflict(shift.getId() + " has started: it can no longer be changed");
                }
                if (reported.contains(shift.getId())) {
                    throw ApiException.conflict(shift.getId() + " was reported as worked: it can no longer be changed");
                }
                if (locked.contains(shift.getId()) && !"lock".equals(kind)) {
                    throw ApiException.conflict(shift.getId() + " is locked: unlock it first");
                }
            }
            FieldPlan after = edit.result();
            Set<String> left = edit.leftToRepair();
            // Shifts left to a repair are the repair's to judge, not the organizer's.
            List<String> accepted = rules.check(ShiftEdit.without(before, left), ShiftEdit.without(after, left),
                    Boolean.TRUE.equals(accept));
            livePlanJobs.replace(current.job(), after);
            String why = reason + (accepted.isEmpty() ? "" : " (accepted: " + String.join(", ", accepted) + ")")
                    + (left.isEmpty() ? "" : "; riders to re-seat: " + String.join(", ", left));
            Done done = done(live.record(regionId, kind, caller, why), accepted);
            if (left.isEmpty()) {
                return done;
            }
            // Only a move leaves riders behind, and its first touched shift is the driver's as it was.
            ReplanResult repair = replan.reseatRiders(current.job(), touched.get(0),
                    left.stream().map(id -> id.substring(0, id.indexOf('@'))).toList());
            return new Done(done.version(), accepted, repair);
        });
    }

    private Done done(LiveVersion version, List<String> accepted) {
        events.changed(version.regionId());
        return new Done(LiveVersionView.of(version, live.diff(version)), accepted);
    }

    private Set<String> reported(LivePlans.Live current) {
        return stores.plans().fieldReports(current.job().getPlanId()).stream()
                .map(r -> r.volunteerId() + "@" + r.slotId()).collect(Collectors.toSet());
    }

    private static void requireVisible(Shift shift, Caller caller) {
        if (!caller.maySee(shift.getVolunteer())) {
            throw ApiException.forbidden("volunteer " + shift.getVolunteer().getId()
                    + " belongs to another organizer");
        }
    }

    private ShiftFact fact(String regionId, String volunteerId, String slotId, String text, Caller caller) {
        return new ShiftFact(regionId, volunteerId, slotId, text, caller.actor(), LivePlans.organizerOf(caller),
                clock.instant());
    }

    private static String shiftKey(LiveRequests.ShiftRef ref) {
        return ref.volunteerId() + "@" + ref.slotId();
    }
}
