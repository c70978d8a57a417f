package org.fieldplan.data.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.fieldplan.domain.TimeSlot;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.validation.ValidationError;

/**
 * A campaign's calendar, declared as data ({@code docs/calendar-format.md}, read by {@link CalendarJson}): the IANA
 * time zone the slots' local times are in, the days canvassed ({@code from}…{@code to}, inclusive) and which slots
 * each day offers ({@link SlotRule}s). {@link #slots()} expands it into the problem's time slots, with ids like
 * {@code 2026-10-31-am}.
 *
 * <p>A day's slots come from the rules that list its date; only when none does, from the rules that apply by day
 * of the week. So "weekday evenings" and "election day all day" can both be stated without the election day (a
 * Tuesday) getting the weekday evening too.
 *
 * @param electionDay the election day, when known (documentation, and the anchor of {@link #forElection})
 */
public record CampaignCalendar(ZoneId timeZone, LocalDate from, LocalDate to, LocalDate electionDay,
        List<SlotRule> rules) {

    /** Longest campaign a calendar may span, so that a typo in a year cannot create thousands of slots. */
    public static final int MAX_DAYS = 366;

    private static final SlotTime MORNING = new SlotTime(LocalTime.of(9, 0), LocalTime.of(12, 0), "am");
    private static final SlotTime MIDDAY = new SlotTime(LocalTime.of(12, 0), LocalTime.of(15, 0), "mid");
    private static final SlotTime AFTERNOON = new SlotTime(LocalTime.of(15, 0), LocalTime.of(18, 0), "pm");
    private static final SlotTime EVENING = new SlotTime(LocalTime.of(17, 0), LocalTime.of(20, 0), "eve");

    public CampaignCalendar {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rules = List.copyOf(rules);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the calendar ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("the calendar spans more than " + MAX_DAYS + " days: " + from + " … "
                    + to);
        }
    }

    /**
     * The default GOTV calendar of an election: from the Saturday before election day to election day; Saturdays,
     * Sundays and election day 09–12, 12–15 and 15–18; other weekdays one evening slot 17–20.
     */
    public static CampaignCalendar forElection(LocalDate electionDay, ZoneId timeZone) {
        return new CampaignCalendar(timeZone, electionDay.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY)),
                electionDay, electionDay, defaultRules(electionDay));
    }

    /** The rules of {@link #forElection}, for a calendar that states its own dates but not its slots. */
    public static List<SlotRule> defaultRules(LocalDate electionDay) {
        List<SlotTime> fullDay = List.of(MORNING, MIDDAY, AFTERNOON);
        List<SlotRule> rules = new ArrayList<>();
        rules.add(SlotRule.on(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), fullDay));
        rules.add(SlotRule.on(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), List.of(EVENING)));
        if (electionDay != null) {
            rules.add(SlotRule.onDates(Set.of(electionDay), fullDay));
        }
        return rules;
    }

    /** The slot times offered on a date, in time order (see the class comment for how rules combine). */
    public List<SlotTime> slotTimesOn(LocalDate date) {
        List<SlotRule> applying = rules.stream().filter(rule -> rule.namesDate(date)).toList();
        if (applying.isEmpty()) {
            applying = rules.stream().filter(rule -> rule.appliesByWeekday(date)).toList();
        }
        return applying.stream().flatMap(rule -> rule.times().stream())
                .sorted(Comparator.comparing(SlotTime::start).thenComparing(SlotTime::end)).toList();
    }

    /** Every slot of the calendar, in time order; a new immutable list each call. See {@link #problems()}. */
    public List<TimeSlot> slots() {
        List<TimeSlot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (SlotTime time : slotTimesOn(date)) {
                slots.add(new TimeSlot(date + "-" + time.idSuffix(), date.atTime(time.start()),
                        date.atTime(time.end()), timeZone));
            }
        }
        return List.copyOf(slots);
    }

    /**
     * What makes this calendar unusable, each with the path of the JSON field to fix: no slot at all, two slots of
     * a day with one id, overlapping slots, a slot longer than {@link ProblemValidator#MAX_SLOT_HOURS} hours, a date
     * rule outside the calendar's days, a slot time that does not exist on a day the clocks go forward.
     */
    public List<ValidationError> problems() {
        List<ValidationError> problems = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (LocalDate date : rules.get(r).dates()) {
                if (date.isBefore(from) || date.isAfter(to)) {
                    problems.add(new ValidationError("slots[" + r + "].dates",
                            date + " is outside the calendar's days " + from + " … " + to));
                }
            }
        }
        List<TimeSlot> slots = slots();
        if (slots.isEmpty()) {
            problems.add(new ValidationError("slots", "no rule offers a slot on any day from " + from + " to " + to));
        }
        Set<String> ids = new HashSet<>();
        TimeSlot previous = null;
        for (TimeSlot slot : slots) {
            // Slots of a day are in start order: each must start when the one before has ended (the problem
            // validator refuses overlapping slots, which would book one volunteer twice at once).
            if (previous != null && previous.getDay().equals(slot.getDay())
                    && slot.getStart().isBefore(previous.getEnd())) {
                problems.add(new ValidationError("slots", "slot " + slot.getId() + " overlaps " + previous.getId()
                        + " (" + previous.getStart().toLocalTime() + "–" + previous.getEnd().toLocalTime() + ")"));
            }
            if (slot.getHours() > ProblemValidator.MAX_SLOT_HOURS) {
                problems.add(new ValidationError("slots", "slot " + slot.getId() + " lasts " + slot.getHours()
                        + " hours, at most " + ProblemValidator.MAX_SLOT_HOURS + " are allowed"));
            }
            previous = slot;
            if (!ids.add(slot.getId())) {
                problems.add(new ValidationError("slots", "two slots on " + slot.getDay() + " have the id "
                        + slot.getId() + ": give them different names"));
            }
            for (LocalDateTime time : List.of(slot.getStart(), slot.getEnd())) {
                if (timeZone.getRules().getValidOffsets(time).isEmpty()) {
                    problems.add(new ValidationError("slots", "slot " + slot.getId() + ": " + time
                            + " does not exist in " + timeZone.getId() + " (the clocks go forward then)"));
                }
            }
        }
        return problems;
    }
}
