package org.fieldplan.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.TimeSlot;

/**
 * The get-out-the-vote weekend of the demo: Saturday 31 October to election day Tuesday 3 November 2026, three
 * canvassing slots a day (09:00–12:00, 13:00–16:00, 17:00–20:00, local time in {@value #TIME_ZONE}), and
 * volunteers' availability over it.
 *
 * <p>Availability follows how sign-up forms are answered: most people offer one day (45%) or two (35%), fewer
 * three or all four; Saturday and election day are the most offered, Sunday next, Monday (a work day) least. On a
 * day someone offers the whole day, a morning-to-afternoon block, an afternoon-to-evening block or a single slot;
 * on Monday mostly the evening, after work. Every window starts and ends on slot boundaries.
 */
final class GotvCalendar {

    static final String TIME_ZONE = "America/New_York";

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 31);
    private static final int DAYS = 4;
    private static final int MONDAY = 2;
    private static final LocalTime[] SLOT_STARTS = {LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(17, 0)};
    private static final String[] SLOT_SUFFIXES = {"am", "mid", "pm"};
    private static final int SLOT_HOURS = 3;
    /** Relative chance each day (Sat, Sun, Mon, election-day Tue) is among a volunteer's days. */
    private static final double[] DAY_WEIGHTS = {0.30, 0.25, 0.12, 0.33};
    /** Chance of offering 1, 2, 3 or 4 days. */
    private static final double[] DAY_COUNT_WEIGHTS = {0.45, 0.35, 0.12, 0.08};

    private final List<TimeSlot> slots;

    GotvCalendar() {
        List<TimeSlot> all = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            for (int s = 0; s < SLOT_STARTS.length; s++) {
                LocalDateTime start = date.atTime(SLOT_STARTS[s]);
                all.add(new TimeSlot(date + "-" + SLOT_SUFFIXES[s], start, start.plusHours(SLOT_HOURS)));
            }
        }
        this.slots = List.copyOf(all);
    }

    /** The twelve slots, in time order. */
    List<TimeSlot> slots() {
        return slots;
    }

    /** One volunteer's windows, one per day offered, in time order. */
    List<AvailabilityWindow> sampleAvailability(SplittableRandom random) {
        int dayCount = 1 + Distributions.pickIndex(DAY_COUNT_WEIGHTS, random);
        boolean[] offered = Distributions.pickDistinct(DAY_WEIGHTS, dayCount, random);
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            if (offered[day]) {
                int[] slotRange = slotRange(day, random);
                LocalDate date = FIRST_DAY.plusDays(day);
                windows.add(new AvailabilityWindow(date.atTime(SLOT_STARTS[slotRange[0]]),
                        date.atTime(SLOT_STARTS[slotRange[1]]).plusHours(SLOT_HOURS)));
            }
        }
        return windows;
    }

    /** First and last slot (inclusive) offered on a day. */
    private static int[] slotRange(int day, SplittableRandom random) {
        if (day == MONDAY && random.nextDouble() < 0.7) {
            return new int[] {2, 2};
        }
        double pick = random.nextDouble();
        if (pick < 0.30) {
            return new int[] {0, 2};
        }
        if (pick < 0.50) {
            return new int[] {0, 1};
        }
        if (pick < 0.65) {
            return new int[] {1, 2};
        }
        int single = random.nextInt(SLOT_STARTS.length);
        return new int[] {single, single};
    }

    /** Slots a set of windows covers: what the volunteer offers. */
    static int coveredSlots(List<AvailabilityWindow> windows, List<TimeSlot> slots) {
        int covered = 0;
        for (TimeSlot slot : slots) {
            if (windows.stream().anyMatch(window -> window.covers(slot))) {
                covered++;
            }
        }
        return covered;
    }

    /** Most slots the windows cover on any one day (each window lies within one day). */
    static int maxCoveredSlotsPerDay(List<AvailabilityWindow> windows, List<TimeSlot> slots) {
        int best = 0;
        for (AvailabilityWindow window : windows) {
            int covered = (int) slots.stream().filter(window::covers).count();
            best = Math.max(best, covered);
        }
        return best;
    }
}
