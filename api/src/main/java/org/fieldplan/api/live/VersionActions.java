package org.fieldplan.api.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.LivePlanJobs;
import org.fieldplan.api.security.Caller;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.data.live.ShiftFact;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.springframework.stereotype.Service;

/**
 * Going back: restoring an earlier version of the live plan, and an organizer's undo of their own last action. Both
 * make a new version and keep what the field has said since (a reported shift, a locked shift and a started shift
 * stay as they are; a volunteer who cancelled since is not sent out again).
 */
@Service
public class VersionActions {

    /** Organizer actions an undo goes back on. */
    private static final Set<String> UNDOABLE = Set.of("move", "swap", "assign", "unassign", "lock", "note");
    private static final Pattern UNDID = Pattern.compile("^undid version (\\d+)");

    private final LivePlans live;
    private final LivePlanJobs livePlanJobs;
    private final DataStores stores;
    private final PlanClock planClock;
    private final LiveEvents events;
    private final RuleCheck rules;

    public VersionActions(LivePlans live, LivePlanJobs livePlanJobs, DataStores stores, PlanClock planClock,
            LiveEvents events, RuleCheck rules) {
        this.rules = rules;
        this.live = live;
        this.livePlanJobs = livePlanJobs;
        this.stores = stores;
        this.planClock = planClock;
        this.events = events;
    }

    /**
     * @param accept lets through a hard-rule break an organizer may accept; a restore that makes the hard score
     *     worse than now is refused (409) otherwise, as an organizer's action would be
     */
    public LiveVersionView restore(String regionId, int number, boolean accept, Caller caller) {
        LiveVersion target = live.version(regionId, number);
        Map<String, String> precincts = new HashMap<>();
        target.assignments().forEach(a -> precincts.put(a.volunteerId() + "@" + a.slotId(), a.precinctId()));
        return live.exclusively(regionId, () -> {
            LivePlans.Live current = live.current(regionId);
            FieldPlan plan = current.job().requireBestPlan();
            Set<String> kept = fieldFacts(regionId, current);
            List<Shift> shifts = new ArrayList<>();
            Map<String, Precinct> byId = new HashMap<>();
            plan.getPrecincts().forEach(p -> byId.put(p.getId(), p));
            for (Shift shift : plan.getShifts()) {
                shifts.add(kept.contains(shift.getId()) || isStarted(plan, shift) ? copy(shift)
                        : new Shift(shift.getVolunteer(), shift.getSlot(), byId.get(precincts.get(shift.getId())),
                                false));
            }
            FieldPlan restored = plan.withShifts(shifts);
            List<String> accepted = rules.checkNotWorse(plan, restored, accept);
            livePlanJobs.replace(current.job(), restored);
            return done(live.record(regionId, "restore", caller, "restored version " + number + accepted(accepted)));
        });
    }

    /** Goes back on the caller's own last action (not undone yet) on the live plan. */
    public LiveVersionView undo(String regionId, boolean accept, Caller caller) {
        return live.exclusively(regionId, () -> {
            LivePlans.Live current = live.current(regionId);
            List<LiveVersion> versions = live.store().versions(regionId);
            Set<Integer> undone = new HashSet<>();
            LiveVersion last = null;
            for (int i = versions.size() - 1; i >= 0 && last == null; i--) {
                LiveVersion v = versions.get(i);
                Matcher undid = UNDID.matcher(v.reason() == null ? "" : v.reason());
                if ("undo".equals(v.kind()) && undid.find()) {
                    undone.add(Integer.parseInt(undid.group(1)));
                } else if (UNDOABLE.contains(v.kind()) && v.actor().equals(caller.actor())
                        && !undone.contains(v.number())) {
                    last = v;
                }
            }
            if (last == null) {
                throw ApiException.conflict("you have no action on the live plan of " + regionId + " left to undo");
            }
            String reason = "undid version " + last.number() + " (" + last.reason() + ")";
            switch (last.kind()) {
                case "lock" -> undoLatestFact(live.store().locks(regionId), caller, regionId, true);
                case "note" -> undoLatestFact(live.store().notes(regionId), caller, regionId, false);
                default -> reason += accepted(revert(current, live.diff(last), fieldFacts(regionId, current), accept));
            }
            return done(live.record(regionId, "undo", caller, reason));
        });
    }

    /**
     * Puts back the shifts the diff changed that are still as it left them; a shift that is a field fact by now
     * (reported or locked), has started or has left the plan stays as it is. The plan around them may have changed
     * since, so the result is checked against the hard rules like a restore.
     *
     * @return the rule breaks accepted
     */
    private List<String> revert(LivePlans.Live current, LiveDiff diff, Set<String> facts, boolean accept) {
        FieldPlan plan = current.job().requireBestPlan();
        ShiftEdit edit = new ShiftEdit(plan);
        Map<String, Shift> shifts = new HashMap<>();
        plan.getShifts().forEach(s -> shifts.put(s.getId(), s));
        int reverted = 0;
        List<LiveDiff.Change> changes = new ArrayList<>(diff.added());
        changes.addAll(diff.removed());
        changes.addAll(diff.moved());
        for (LiveDiff.Change change : changes) {
            Shift shift = shifts.get(change.volunteerId() + "@" + change.slotId());
            if (shift == null || facts.contains(shift.getId())) {
                continue;
            }
            String now = shift.getPrecinct() == null ? null : shift.getPrecinct().getId();
            if (Objects.equals(now, change.toPrecinctId()) && !isStarted(plan, shift)) {
                edit.send(shift, change.fromPrecinctId() == null ? null
                        : edit.precinct(change.fromPrecinctId(), "precinctId"));
                reverted++;
            }
        }
        if (reverted == 0) {
            throw ApiException.conflict("the shifts of your last action have changed since: restore a version "
                    + "instead");
        }
        FieldPlan back = edit.result();
        List<String> accepted = rules.checkNotWorse(plan, back, accept);
        livePlanJobs.replace(current.job(), back);
        return accepted;
    }

    private static String accepted(List<String> accepted) {
        return accepted.isEmpty() ? "" : " (accepted: " + String.join(", ", accepted) + ")";
    }

    private void undoLatestFact(List<ShiftFact> facts, Caller caller, String regionId, boolean lock) {
        ShiftFact latest = facts.stream().filter(f -> f.actor().equals(caller.actor()))
                .max(Comparator.comparing(ShiftFact::at)).orElseThrow(() -> ApiException.conflict(
                        "your " + (lock ? "lock" : "note") + " is gone already"));
        if (lock) {
            live.store().unlock(regionId, latest.volunteerId(), latest.slotId());
            LivePlans.Live current = live.current(regionId);
            FieldPlan plan = current.job().requireBestPlan();
            ShiftEdit edit = new ShiftEdit(plan);
            Shift shift = edit.shift(latest.volunteerId(), latest.slotId(), null);
            boolean reported = stores.plans().fieldReports(current.job().getPlanId()).stream()
                    .anyMatch(r -> (r.volunteerId() + "@" + r.slotId()).equals(shift.getId()));
            livePlanJobs.replace(current.job(), edit.pin(shift, reported).result());
        } else {
            live.store().note(new ShiftFact(regionId, latest.volunteerId(), latest.slotId(), null, caller.actor(),
                    latest.organizerId(), latest.at()));
        }
    }

    /** Shifts whose assignment is a field fact: reported as worked, or locked. */
    private Set<String> fieldFacts(String regionId, LivePlans.Live current) {
        Set<String> kept = new HashSet<>();
        stores.plans().fieldReports(current.job().getPlanId())
                .forEach(r -> kept.add(r.volunteerId() + "@" + r.slotId()));
        live.store().locks(regionId).forEach(l -> kept.add(l.shiftKey()));
        return kept;
    }

    private boolean isStarted(FieldPlan plan, Shift shift) {
        return PlanClock.hasStarted(shift.getSlot(), planClock.now(plan));
    }

    private LiveVersionView done(LiveVersion version) {
        events.changed(version.regionId());
        return LiveVersionView.of(version, live.diff(version));
    }

    private static Shift copy(Shift shift) {
        return shift.withPin(shift.isPinned());
    }
}
