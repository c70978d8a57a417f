package org.fieldplan.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.domain.TimeSlot;

/**
 * The get-out-the-vote weekend of the demo: Saturday 31 October to election day Tuesday 3 November 2026, three
 * canvassing slots a day (09:00–12:00, 13:00–16:00, 17:00–20:00, local time in {@value #TIME_ZONE}), with ids
 * like {@code 2026-10-31-am}, {@code -mid} and {@code -pm}.
 */
public final class GotvCalendar {

    /** The time zone the slots' local times are in. */
    public static final String TIME_ZONE = "America/New_York";

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 31);
    private static final int DAYS = 4;
    private static final LocalTime[] SLOT_STARTS = {LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(17, 0)};
    private static final String[] SLOT_SUFFIXES = {"am", "mid", "pm"};
    private static final int SLOT_HOURS = 3;

    private GotvCalendar() {
    }

    /** The twelve slots of the weekend, in time order (a new immutable list each call). */
    public static List<TimeSlot> weekendSlots() {
        List<TimeSlot> slots = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            for (int s = 0; s < SLOT_STARTS.length; s++) {
                LocalDateTime start = date.atTime(SLOT_STARTS[s]);
                slots.add(new TimeSlot(date + "-" + SLOT_SUFFIXES[s], start, start.plusHours(SLOT_HOURS)));
            }
        }
        return List.copyOf(slots);
    }
}
