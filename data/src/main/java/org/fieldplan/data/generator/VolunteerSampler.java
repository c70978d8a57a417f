package org.fieldplan.data.generator;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Point;

/**
 * Draws a synthetic volunteer's attributes, for a home and organizer chosen by the caller. The one source of
 * these numbers, for generated regions and for volunteers placed at real census homes alike:
 *
 * <ul>
 * <li>Travel mode and limit: overall about 20% walk (20 min), 10% bike (25 min), 15% transit (40 min) and 55% drive
 * (30 min); urban volunteers walk and take transit more, rural ones drive. Stated limits vary around those
 * values (×0.75, ×1 or ×1.5, to whole 5 minutes).</li>
 * <li>Skills: canvass 90%, phone 50%, team lead 10%, data entry 15%; driver 40% overall, nearly all of them
 * volunteers who come by car.</li>
 * <li>Languages: everybody English; Spanish 15% overall, far more likely where the Hispanic share is high;
 * Portuguese 3%.</li>
 * <li>Availability over the slots given, as sign-up forms are answered (one to four days, whole days or blocks,
 * work days mostly the evening). At most 1–4 shifts (mostly 2, never more than the slots offered) and 1–2 a
 * day.</li>
 * <li>Attendance probability 0.4 + 0.5·Beta(2, 3): 0.4–0.9, mean 0.6, since 30–50% of sign-ups do not come.</li>
 * <li>20% ask for their home precinct, when it is known.</li>
 * </ul>
 *
 * <p>Every draw comes from the {@link SplittableRandom} passed in, so the same draws give the same volunteer.
 */
public final class VolunteerSampler {

    private static final TravelMode[] MODES = {TravelMode.WALK, TravelMode.BIKE, TravelMode.TRANSIT, TravelMode.CAR};
    private static final double[] MODE_SHARES = {0.20, 0.10, 0.15, 0.55};
    /** Change in each mode's share per unit of urbanity above the volunteers' average (car takes the rest). */
    private static final double[] MODE_URBAN_SLOPES = {0.45, 0.08, 0.30};
    private static final int[] MODE_MINUTES = {20, 25, 40, 30};
    private static final double[] LIMIT_FACTORS = {0.75, 1.0, 1.5};
    private static final double[] LIMIT_FACTOR_WEIGHTS = {0.2, 0.6, 0.2};
    private static final double[] MAX_SHIFTS_WEIGHTS = {0.25, 0.45, 0.20, 0.10};
    private static final double TWO_SHIFTS_A_DAY = 0.35;
    private static final double SPANISH_SHARE = 0.15;
    private static final double SPANISH_PER_HISPANIC_SHARE = 0.9;
    private static final double PREFERS_HOME_PRECINCT = 0.2;

    private final AvailabilitySampler availability;

    /**
     * Where a volunteer lives, relative to the other volunteers, as far as it shapes their attributes.
     *
     * @param urbanityAboveMean home urbanity (0 rural … 1 downtown) minus the volunteers' mean; 0 when unknown
     * @param hispanicShareAboveMean Hispanic share of the home's population minus the volunteers' mean; 0 when
     *        unknown
     * @param precinctId the home precinct, which some ask to work in; {@code null} when unknown
     */
    public record Neighbourhood(double urbanityAboveMean, double hispanicShareAboveMean, String precinctId) {

        /** Nothing known: overall shares, no precinct preference. */
        public static final Neighbourhood UNKNOWN = new Neighbourhood(0, 0, null);
    }

    /**
     * @param slots the campaign's time slots, which availability windows are drawn to cover
     * @throws IllegalArgumentException if there are no slots
     */
    public VolunteerSampler(List<TimeSlot> slots) {
        this.availability = new AvailabilitySampler(slots);
    }

    /** A volunteer with the given identity, home and organizer, and attributes drawn from {@code random}. */
    public Volunteer sample(String id, String name, Point home, String organizerId, Neighbourhood neighbourhood,
            SplittableRandom random) {
        int mode = Distributions.pickIndex(modeWeights(neighbourhood.urbanityAboveMean()), random);
        int maxMinutes = (int) (5 * Math.round(MODE_MINUTES[mode]
                * LIMIT_FACTORS[Distributions.pickIndex(LIMIT_FACTOR_WEIGHTS, random)] / 5));
        Set<Skill> skills = skills(MODES[mode], random);
        Set<String> languages = languages(neighbourhood.hispanicShareAboveMean(), random);
        List<AvailabilityWindow> windows = availability.sample(random);
        int maxShifts = Math.min(1 + Distributions.pickIndex(MAX_SHIFTS_WEIGHTS, random),
                availability.coveredSlots(windows));
        boolean twoADay = maxShifts >= 2 && availability.maxCoveredSlotsPerDay(windows) >= 2
                && random.nextDouble() < TWO_SHIFTS_A_DAY;
        double attendance = Math.round(100 * (0.4 + 0.5 * Distributions.beta(2, 3, random))) / 100.0;
        Set<String> preferred = neighbourhood.precinctId() != null && random.nextDouble() < PREFERS_HOME_PRECINCT
                ? Set.of(neighbourhood.precinctId()) : Set.of();
        return new Volunteer(id, name, home, skills, languages, MODES[mode], maxMinutes, windows, maxShifts,
                twoADay ? 2 : 1, organizerId, attendance, preferred);
    }

    private static double[] modeWeights(double urbanityAboveMean) {
        double[] weights = new double[MODES.length];
        double others = 0;
        for (int m = 0; m < MODE_URBAN_SLOPES.length; m++) {
            weights[m] = Math.max(0.02, MODE_SHARES[m] + MODE_URBAN_SLOPES[m] * urbanityAboveMean);
            others += weights[m];
        }
        weights[MODES.length - 1] = Math.max(0.05, 1 - others);
        return weights;
    }

    private static Set<Skill> skills(TravelMode mode, SplittableRandom random) {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        addIf(skills, Skill.CANVASS, 0.90, random);
        addIf(skills, Skill.PHONE, 0.50, random);
        // Driving others needs a car: 0.55 × 0.70 + 0.45 × 0.04 ≈ 40% overall.
        addIf(skills, Skill.DRIVER, mode == TravelMode.CAR ? 0.70 : 0.04, random);
        addIf(skills, Skill.TEAM_LEAD, 0.10, random);
        addIf(skills, Skill.DATA_ENTRY, 0.15, random);
        return skills;
    }

    private static Set<String> languages(double hispanicAboveMean, SplittableRandom random) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add("en");
        double spanish = PrecinctFactory.clamp(SPANISH_SHARE + SPANISH_PER_HISPANIC_SHARE * hispanicAboveMean,
                0.03, 0.95);
        addIf(languages, "es", spanish, random);
        addIf(languages, "pt", 0.03, random);
        return languages;
    }

    private static <T> void addIf(Set<T> set, T value, double probability, SplittableRandom random) {
        if (random.nextDouble() < probability) {
            set.add(value);
        }
    }
}
