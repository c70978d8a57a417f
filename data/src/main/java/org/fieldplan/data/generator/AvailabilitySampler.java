package org.fieldplan.data.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.TimeSlot;

/**
 * Volunteers' availability over a campaign's slots, following how sign-up forms are answered.
 *
 * <p>Most people offer one day (45%) or two (35%), fewer three (12%) or four (8%), never more days than the slots
 * span. The last day of the slots is taken to be election day, the most offered (weight 0.33), then Saturday
 * (0.30) and Sunday (0.25); other days are work days (0.12). On a day someone offers the whole day, a
 * morning-to-afternoon block (all but the last slot), an afternoon-to-evening block (all but the first) or a
 * single slot; on a work day mostly the last slot, after work. Every window runs from a slot's start to a slot's
 * end, so it covers whole slots.
 *
 * <p>Over {@link GotvCalendar#weekendSlots()} (Sat–Tue, three slots a day) this is the demo weekend's pattern.
 */
final class AvailabilitySampler {

    private static final double ELECTION_DAY_WEIGHT = 0.33;
    private static final double SATURDAY_WEIGHT = 0.30;
    private static final double SUNDAY_WEIGHT = 0.25;
    private static final double WORK_DAY_WEIGHT = 0.12;
    /** Chance of offering 1, 2, 3 or 4 days. */
    private static final double[] DAY_COUNT_WEIGHTS = {0.45, 0.35, 0.12, 0.08};
    private static final double WORK_DAY_EVENING_ONLY = 0.7;

    private final List<TimeSlot> slots;
    /** The slots of each day, days and slots in time order. */
    private final List<List<TimeSlot>> slotsByDay;
    private final double[] dayWeights;
    private final boolean[] workDays;

    AvailabilitySampler(List<TimeSlot> slots) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("Volunteers need time slots to be available for.");
        }
        this.slots = List.copyOf(slots);
        Map<LocalDate, List<TimeSlot>> byDay = new TreeMap<>();
        slots.forEach(slot -> byDay.computeIfAbsent(slot.getDay(), day -> new ArrayList<>()).add(slot));
        byDay.values().forEach(day -> day.sort(Comparator.comparing(TimeSlot::getStart)));
        this.slotsByDay = List.copyOf(byDay.values());
        this.dayWeights = new double[slotsByDay.size()];
        this.workDays = new boolean[slotsByDay.size()];
        for (int day = 0; day < dayWeights.length; day++) {
            DayOfWeek dayOfWeek = slotsByDay.get(day).get(0).getDay().getDayOfWeek();
            boolean electionDay = day == dayWeights.length - 1;
            workDays[day] = !electionDay && dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
            dayWeights[day] = electionDay ? ELECTION_DAY_WEIGHT
                    : dayOfWeek == DayOfWeek.SATURDAY ? SATURDAY_WEIGHT
                    : dayOfWeek == DayOfWeek.SUNDAY ? SUNDAY_WEIGHT : WORK_DAY_WEIGHT;
        }
    }

    /** One volunteer's windows, one per day offered, in time order. */
    List<AvailabilityWindow> sample(SplittableRandom random) {
        int dayCount = 1 + Distributions.pickIndex(DAY_COUNT_WEIGHTS, random);
        boolean[] offered = Distributions.pickDistinct(dayWeights, dayCount, random);
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (int day = 0; day < offered.length; day++) {
            if (offered[day]) {
                List<TimeSlot> daySlots = slotsByDay.get(day);
                int[] range = slotRange(workDays[day], daySlots.size(), random);
                windows.add(new AvailabilityWindow(daySlots.get(range[0]).getStart(),
                        daySlots.get(range[1]).getEnd()));
            }
        }
        return windows;
    }

    /** Slots the windows cover: what the volunteer offers. */
    int coveredSlots(List<AvailabilityWindow> windows) {
        int covered = 0;
        for (TimeSlot slot : slots) {
            if (windows.stream().anyMatch(window -> window.covers(slot))) {
                covered++;
            }
        }
        return covered;
    }

    /** Most slots the windows cover on any one day (each window lies within one day). */
    int maxCoveredSlotsPerDay(List<AvailabilityWindow> windows) {
        int best = 0;
        for (AvailabilityWindow window : windows) {
            int covered = (int) slots.stream().filter(window::covers).count();
            best = Math.max(best, covered);
        }
        return best;
    }

    /** First and last slot (inclusive, 0-based within the day) offered on a day of {@code slotCount} slots. */
    private static int[] slotRange(boolean workDay, int slotCount, SplittableRandom random) {
        int last = slotCount - 1;
        if (workDay && random.nextDouble() < WORK_DAY_EVENING_ONLY) {
            return new int[] {last, last};
        }
        double pick = random.nextDouble();
        if (pick < 0.30) {
            return new int[] {0, last};
        }
        if (pick < 0.50) {
            return new int[] {0, Math.max(0, last - 1)};
        }
        if (pick < 0.65) {
            return new int[] {Math.min(1, last), last};
        }
        int single = random.nextInt(slotCount);
        return new int[] {single, single};
    }
}
