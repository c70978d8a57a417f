package org.fieldplan.api.live;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.messages.MessageOutbox;
import org.fieldplan.api.messages.MessageView;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.volunteers.ShiftStatus;
import org.fieldplan.api.volunteers.ShiftStatusStore;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.data.live.ShiftFact;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.springframework.stereotype.Service;

/**
 * The organizer's day board: each of the day's shifts the caller may see with its status, counts per slot, who has
 * not confirmed yet, and what the last repair changed and for whom. Teammates of other organizers appear by first
 * name and organizer.
 */
@Service
public class DayBoard {

    /** Kinds of version that a repair made (news from the field or a volunteer's answer, repaired). */
    private static final Set<String> REPAIRS = Set.of("repair", "field-news", "volunteer");

    /**
     * One shift on the board.
     *
     * @param status REPORTED, DECLINED, LOCKED, CONFIRMED, MOVED (since the last publish) or PENDING, the first
     *     that holds
     * @param teammates the others sent to the same precinct in the slot: a full name for the caller's own
     *     volunteers, else "first name (organizer)"
     * @param lastMessage the volunteer's newest message of this live plan (kind, status, when), without its text;
     *     null when none
     */
    public record Row(String volunteerId, String name, String organizerId, String slotId, String precinctId,
            String status, boolean locked, boolean moved, String note, List<String> teammates,
            MessageView lastMessage) {
    }

    /** A slot's counts by status. */
    public record SlotCounts(String slotId, LocalDateTime start, LocalDateTime end, int sentOut, int pending,
            int confirmed, int declined, int moved, int reported, int locked) {
    }

    public record Board(String regionId, int version, String jobId, LocalDate date, List<SlotCounts> slots,
            List<Row> shifts, List<Row> notYetConfirmed, LiveVersionView lastRepair) {
    }

    private final LivePlans live;
    private final ShiftStatusStore statuses;
    private final DataStores stores;
    private final PlanClock planClock;
    private final MessageOutbox messages;

    public DayBoard(LivePlans live, ShiftStatusStore statuses, DataStores stores, PlanClock planClock,
            MessageOutbox messages) {
        this.live = live;
        this.statuses = statuses;
        this.stores = stores;
        this.planClock = planClock;
        this.messages = messages;
    }

    public Board board(String regionId, LocalDate requested, Caller caller) {
        LivePlans.Live current = live.current(regionId);
        FieldPlan plan = current.job().requireBestPlan();
        LocalDate date = requested != null ? requested : defaultDate(plan);
        List<TimeSlot> slots = plan.getTimeSlots().stream().filter(s -> s.getDay().equals(date))
                .sorted(Comparator.comparing(TimeSlot::getStart)).toList();
        if (slots.isEmpty()) {
            throw ApiException.invalid("date", "the live plan has no time slot on " + date);
        }
        List<LiveVersion> versions = live.store().versions(regionId);
        Map<String, String> published = publishedPrecincts(versions);
        Map<String, ShiftStatusStore.Entry> answers = statuses.forJob(current.job().getId());
        Set<String> reported = stores.plans().fieldReports(current.job().getPlanId()).stream()
                .map(r -> r.volunteerId() + "@" + r.slotId()).collect(Collectors.toSet());
        Set<String> locked = live.store().locks(regionId).stream().map(ShiftFact::shiftKey)
                .collect(Collectors.toSet());
        Map<String, String> notes = new HashMap<>();
        live.store().notes(regionId).forEach(n -> notes.put(n.shiftKey(), n.text()));
        Map<String, List<Shift>> teams = plan.getShifts().stream().filter(s -> s.getPrecinct() != null)
                .collect(Collectors.groupingBy(Shift::getTeamKey));
        Map<String, Volunteer> volunteers = new HashMap<>();
        plan.getVolunteers().forEach(v -> volunteers.put(v.getId(), v));
        Map<String, MessageView> lastMessages = new HashMap<>();
        messages.latestPerVolunteer(current.job().getId(), caller.isOrganizer() ? caller.organizerId() : null)
                .forEach((volunteer, message) -> lastMessages.put(volunteer, MessageView.of(message)));

        List<Row> rows = new ArrayList<>();
        Set<String> slotIds = slots.stream().map(TimeSlot::getId).collect(Collectors.toSet());
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() == null || !slotIds.contains(shift.getSlot().getId())
                    || !caller.maySee(shift.getVolunteer())) {
                continue;
            }
            String key = shift.getId();
            boolean moved = !shift.getPrecinct().getId().equals(published.get(key));
            ShiftStatusStore.Entry answer = answers.get(key);
            String status = reported.contains(key) || answer != null && answer.status() == ShiftStatus.WORKED
                    ? "REPORTED" : locked.contains(key) ? "LOCKED"
                    : answer != null && answer.status() == ShiftStatus.CONFIRMED ? "CONFIRMED"
                    : moved ? "MOVED" : "PENDING";
            List<String> teammates = teams.getOrDefault(shift.getTeamKey(), List.of()).stream()
                    .filter(s -> s != shift).map(s -> shownName(s.getVolunteer(), caller)).sorted().toList();
            rows.add(new Row(shift.getVolunteer().getId(), shift.getVolunteer().getName(),
                    shift.getVolunteer().getOrganizerId(), shift.getSlot().getId(), shift.getPrecinct().getId(),
                    status, locked.contains(key), moved, notes.get(key), teammates,
                    lastMessages.get(shift.getVolunteer().getId())));
        }
        // A declined shift left the plan: it is on the board from the volunteer's answer.
        answers.values().stream().filter(a -> a.status() == ShiftStatus.DECLINED && slotIds.contains(a.slotId()))
                .filter(a -> volunteers.containsKey(a.volunteerId()) && caller.maySee(volunteers.get(a.volunteerId())))
                .forEach(a -> rows.add(new Row(a.volunteerId(), volunteers.get(a.volunteerId()).getName(),
                        volunteers.get(a.volunteerId()).getOrganizerId(), a.slotId(), null, "DECLINED", false, false,
                        notes.get(a.shiftKey()), List.of(), lastMessages.get(a.volunteerId()))));
        rows.sort(Comparator.comparing(Row::slotId).thenComparing(r -> r.precinctId() == null ? "" : r.precinctId())
                .thenComparing(Row::volunteerId));
        List<SlotCounts> counts = slots.stream().map(slot -> counts(slot, rows)).toList();
        List<Row> unconfirmed = rows.stream().filter(r -> r.status().equals("PENDING") || r.status().equals("MOVED")
                || r.status().equals("LOCKED") && !confirmed(answers, r)).toList();
        LiveVersion lastRepair = null;
        for (int i = versions.size() - 1; i >= 0 && lastRepair == null; i--) {
            LiveVersion v = versions.get(i);
            if (REPAIRS.contains(v.kind()) && !live.diff(v).isEmpty()) {
                lastRepair = v;
            }
        }
        LiveVersion latest = current.version();
        return new Board(regionId, latest.number(), latest.jobId(), date, counts, rows, unconfirmed,
                lastRepair == null ? null : LiveVersionView.of(lastRepair, visibleDiff(lastRepair, volunteers,
                        caller)));
    }

    private LiveDiff visibleDiff(LiveVersion version, Map<String, Volunteer> volunteers,
            Caller caller) {
        LiveDiff diff = live.diff(version);
        Predicate<LiveDiff.Change> mine = c -> volunteers.containsKey(
                c.volunteerId()) && caller.maySee(volunteers.get(c.volunteerId()));
        return new LiveDiff(diff.added().stream().filter(mine).toList(),
                diff.removed().stream().filter(mine).toList(), diff.moved().stream().filter(mine).toList(),
                diff.volunteers().stream().filter(v -> volunteers.containsKey(v) && caller.maySee(volunteers.get(v)))
                        .toList());
    }

    private static boolean confirmed(Map<String, ShiftStatusStore.Entry> answers, Row row) {
        ShiftStatusStore.Entry answer = answers.get(row.volunteerId() + "@" + row.slotId());
        return answer != null && answer.status() == ShiftStatus.CONFIRMED;
    }

    private static SlotCounts counts(TimeSlot slot, List<Row> rows) {
        List<Row> in = rows.stream().filter(r -> r.slotId().equals(slot.getId())).toList();
        return new SlotCounts(slot.getId(), slot.getStart(), slot.getEnd(),
                (int) in.stream().filter(r -> r.precinctId() != null).count(), count(in, "PENDING"),
                count(in, "CONFIRMED"), count(in, "DECLINED"), (int) in.stream().filter(Row::moved).count(),
                count(in, "REPORTED"), (int) in.stream().filter(Row::locked).count());
    }

    private static int count(List<Row> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }

    /** The precinct of each shift as last published. */
    private static Map<String, String> publishedPrecincts(List<LiveVersion> versions) {
        Map<String, String> published = new HashMap<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).kind().equals("publish")) {
                versions.get(i).assignments().forEach(a -> published.put(a.volunteerId() + "@" + a.slotId(),
                        a.precinctId()));
                break;
            }
        }
        return published;
    }

    private LocalDate defaultDate(FieldPlan plan) {
        LocalDate today = planClock.now(plan).toLocalDate();
        return plan.getTimeSlots().stream().map(TimeSlot::getDay).filter(d -> !d.isBefore(today)).min(
                Comparator.naturalOrder()).orElse(plan.getTimeSlots().get(0).getDay());
    }

    /** A full name for the caller's own volunteers; another organizer's by first name and organizer. */
    static String shownName(Volunteer volunteer, Caller caller) {
        if (caller.maySee(volunteer)) {
            return volunteer.getName();
        }
        String name = volunteer.getName() == null ? "?" : volunteer.getName().trim();
        int space = name.indexOf(' ');
        return (space > 0 ? name.substring(0, space) : name) + " (" + volunteer.getOrganizerId() + ")";
    }
}
