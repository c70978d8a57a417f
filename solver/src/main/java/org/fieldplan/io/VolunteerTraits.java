package org.fieldplan.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Point;

/**
 * Draws plausible volunteer attributes for placed homes: skills CANVASS 90%, PHONE 50%, DRIVER 40%, TEAM_LEAD 10%
 * (independently); languages English plus Spanish 15% and Portuguese 3%; travel WALK 20% (20 min limit), BIKE
 * 10% (25), TRANSIT 15% (40), CAR 55% (30); availability on one day (50%), two (35%) or more (15%) of the slots'
 * days, each day either all of it or one slot; 1–4 shifts, 1–2 a day; attendance 0.4–0.9 with mean 0.6.
 *
 * <p>Written here because no synthetic generator existed to share distributions with; a generator should reuse
 * this class rather than keep a second copy of the numbers.
 */
public final class VolunteerTraits {

    private static final double[] MODE_SHARES = {0.20, 0.10, 0.15, 0.55};
    private static final TravelMode[] MODES = {TravelMode.WALK, TravelMode.BIKE, TravelMode.TRANSIT, TravelMode.CAR};
    private static final int[] MODE_MAX_MINUTES = {20, 25, 40, 30};

    /** The slots of each day, days in order. */
    private final List<List<TimeSlot>> slotsByDay;

    /** @param slots the campaign's time slots, which availability windows are drawn to cover */
    public VolunteerTraits(List<TimeSlot> slots) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("Volunteers need time slots to be available for.");
        }
        Map<LocalDate, List<TimeSlot>> byDay = new TreeMap<>();
        slots.forEach(slot -> byDay.computeIfAbsent(slot.getDay(), day -> new ArrayList<>()).add(slot));
        byDay.values().forEach(day -> day.sort((a, b) -> a.getStart().compareTo(b.getStart())));
        this.slotsByDay = List.copyOf(byDay.values());
    }

    /** A volunteer living at {@code home}, attributes drawn from {@code random}. */
    public Volunteer sample(String id, Point home, String organizerId, Random random) {
        int mode = pick(MODE_SHARES, random);
        int maxShifts = 1 + random.nextInt(4);
        int maxShiftsPerDay = Math.min(maxShifts, random.nextDouble() < 0.6 ? 1 : 2);
        return new Volunteer(id, null, home, skills(random), languages(random), MODES[mode], MODE_MAX_MINUTES[mode],
                availability(random), maxShifts, maxShiftsPerDay, organizerId, attendance(random), Set.of());
    }

    private static Set<Skill> skills(Random random) {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        addWithProbability(skills, Skill.CANVASS, 0.90, random);
        addWithProbability(skills, Skill.PHONE, 0.50, random);
        addWithProbability(skills, Skill.DRIVER, 0.40, random);
        addWithProbability(skills, Skill.TEAM_LEAD, 0.10, random);
        return skills;
    }

    private static Set<String> languages(Random random) {
        Set<String> languages = new LinkedHashSet<>(List.of("en"));
        addWithProbability(languages, "es", 0.15, random);
        addWithProbability(languages, "pt", 0.03, random);
        return languages;
    }

    private List<AvailabilityWindow> availability(Random random) {
        double u = random.nextDouble();
        int wanted = u < 0.50 ? 1 : u < 0.85 ? 2 : 3 + random.nextInt(Math.max(1, slotsByDay.size() - 2));
        List<List<TimeSlot>> days = new ArrayList<>(slotsByDay);
        Collections.shuffle(days, random);
        List<List<TimeSlot>> chosen = new ArrayList<>(days.subList(0, Math.min(wanted, days.size())));
        chosen.sort((a, b) -> a.get(0).getStart().compareTo(b.get(0).getStart()));
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (List<TimeSlot> day : chosen) {
            if (day.size() == 1 || random.nextDouble() < 0.6) {
                windows.add(new AvailabilityWindow(day.get(0).getStart(), day.get(day.size() - 1).getEnd()));
            } else {
                TimeSlot slot = day.get(random.nextInt(day.size()));
                windows.add(new AvailabilityWindow(slot.getStart(), slot.getEnd()));
            }
        }
        return windows;
    }

    /** Triangular on [0.4, 0.9] with mode 0.5: mean (0.4 + 0.9 + 0.5) / 3 = 0.6, skewed towards no-shows. */
    private static double attendance(Random random) {
        double low = 0.4;
        double high = 0.9;
        double mode = 0.5;
        double u = random.nextDouble();
        double split = (mode - low) / (high - low);
        return u < split ? low + Math.sqrt(u * (high - low) * (mode - low))
                : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    }

    private static <T> void addWithProbability(Set<T> set, T value, double probability, Random random) {
        if (random.nextDouble() < probability) {
            set.add(value);
        }
    }

    private static int pick(double[] shares, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
