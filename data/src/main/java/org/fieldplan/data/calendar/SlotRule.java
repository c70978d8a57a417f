package org.fieldplan.data.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which slots the campaign offers on which days: on the listed dates, else on the listed days of the week; a rule
 * that lists neither applies to every day. See {@link CampaignCalendar#slotTimesOn(LocalDate)} for how rules
 * combine.
 */
public record SlotRule(Set<DayOfWeek> days, Set<LocalDate> dates, List<SlotTime> times) {

    public SlotRule {
        days = Set.copyOf(days);
        dates = Set.copyOf(dates);
        times = List.copyOf(times);
    }

    /** A rule for some days of the week. */
    public static SlotRule on(Set<DayOfWeek> days, List<SlotTime> times) {
        return new SlotRule(days, Set.of(), times);
    }

    /** A rule for particular dates (e.g. election day), which takes precedence over weekday rules. */
    public static SlotRule onDates(Set<LocalDate> dates, List<SlotTime> times) {
        return new SlotRule(Set.of(), dates, times);
    }

    boolean namesDate(LocalDate date) {
        return dates.contains(date);
    }

    boolean appliesByWeekday(LocalDate date) {
        return dates.isEmpty() && (days.isEmpty() || days.contains(date.getDayOfWeek()));
    }
}
