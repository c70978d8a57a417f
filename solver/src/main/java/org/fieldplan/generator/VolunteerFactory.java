package org.fieldplan.generator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/**
 * Synthetic volunteers (named "Volunteer 00042", ids {@code V00001…}; no real people) living where the voters live.
 *
 * <ul>
 * <li>Home: a precinct drawn in proportion to its registered supporters (registered voters × support share:
 * volunteers are supporters, so they live where the voters, and more so where our voters, are), then a uniform
 * point in it.</li>
 * <li>Travel mode and limit: overall about 20% walk (20 min), 10% bike (25 min), 15% transit (40 min) and 55% drive
 * (30 min); urban volunteers walk and take transit more, rural ones drive. Stated limits vary around those
 * values (×0.75, ×1 or ×1.5, to whole 5 minutes).</li>
 * <li>Skills: canvass 90%, phone 50%, team lead 10%, data entry 15%; driver 40% overall, nearly all of them
 * volunteers who come by car.</li>
 * <li>Languages: everybody English; Spanish 15% overall, far more likely in precincts with a high Hispanic share;
 * Portuguese 3%.</li>
 * <li>Availability: see {@link GotvCalendar}. At most 1–4 shifts (mostly 2, never more than the slots offered)
 * and 1–2 a day.</li>
 * <li>Attendance probability 0.4 + 0.5·Beta(2, 3): 0.4–0.9, mean 0.6, since 30–50% of sign-ups do not come.</li>
 * <li>Organizer: one per about {@value #VOLUNTEERS_PER_ORGANIZER} volunteers, by neighbourhood ({@code org-n}).</li>
 * <li>20% ask for their home precinct.</li>
 * </ul>
 */
final class VolunteerFactory {

    private static final int VOLUNTEERS_PER_ORGANIZER = 25;
    private static final TravelMode[] MODES = {TravelMode.WALK, TravelMode.BIKE, TravelMode.TRANSIT, TravelMode.CAR};
    private static final double[] MODE_SHARES = {0.20, 0.10, 0.15, 0.55};
    /** Change in each mode's share per unit of urbanity above the volunteers' average (car takes the rest). */
    private static final double[] MODE_URBAN_SLOPES = {0.45, 0.08, 0.30};
    private static final int[] MODE_MINUTES = {20, 25, 40, 30};
    private static final double[] LIMIT_FACTORS = {0.75, 1.0, 1.5};
    private static final double[] LIMIT_FACTOR_WEIGHTS = {0.2, 0.6, 0.2};
    private static final double[] MAX_SHIFTS_WEIGHTS = {0.25, 0.45, 0.20, 0.10};
    private static final double SPANISH_SHARE = 0.15;
    private static final double SPANISH_PER_HISPANIC_SHARE = 0.9;
    private static final int HOME_SAMPLING_ATTEMPTS = 1_000;

    private final List<GeneratedPrecinct> precincts;
    private final GotvCalendar calendar;
    private final LocalProjection projection;
    private final GeometryFactory lonLat;
    private final SplittableRandom random;

    VolunteerFactory(List<GeneratedPrecinct> precincts, GotvCalendar calendar, LocalProjection projection,
            GeometryFactory lonLat, SplittableRandom random) {
        this.precincts = precincts;
        this.calendar = calendar;
        this.projection = projection;
        this.lonLat = lonLat;
        this.random = random;
    }

    List<Volunteer> create(int count) {
        int[] homePrecinct = new int[count];
        double[] x = new double[count];
        double[] y = new double[count];
        double[] cumulativeSupporters = cumulativeSupporters();
        double meanUrbanity = 0;
        double meanHispanic = 0;
        for (int v = 0; v < count; v++) {
            homePrecinct[v] = Distributions.pickCumulative(cumulativeSupporters, random);
            Coordinate home = uniformPointIn(precincts.get(homePrecinct[v]).planarCell());
            x[v] = home.x;
            y[v] = home.y;
            meanUrbanity += precincts.get(homePrecinct[v]).urbanity() / count;
            meanHispanic += precincts.get(homePrecinct[v]).hispanicShare() / count;
        }
        int[] organizer = SpatialPartition.partition(x, y,
                (count + VOLUNTEERS_PER_ORGANIZER - 1) / VOLUNTEERS_PER_ORGANIZER);

        List<Volunteer> volunteers = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            GeneratedPrecinct home = precincts.get(homePrecinct[v]);
            int mode = Distributions.pickIndex(modeWeights(home.urbanity() - meanUrbanity), random);
            int maxMinutes = (int) (5 * Math.round(MODE_MINUTES[mode]
                    * LIMIT_FACTORS[Distributions.pickIndex(LIMIT_FACTOR_WEIGHTS, random)] / 5));
            Set<Skill> skills = skills(MODES[mode], random);
            Set<String> languages = languages(home.hispanicShare() - meanHispanic, random);
            List<AvailabilityWindow> availability = calendar.sampleAvailability(random);
            int offered = GotvCalendar.coveredSlots(availability, calendar.slots());
            int maxShifts = Math.min(1 + Distributions.pickIndex(MAX_SHIFTS_WEIGHTS, random), offered);
            boolean twoADay = maxShifts >= 2
                    && GotvCalendar.maxCoveredSlotsPerDay(availability, calendar.slots()) >= 2
                    && random.nextDouble() < 0.35;
            double attendance = Math.round(100 * (0.4 + 0.5 * Distributions.beta(2, 3, random))) / 100.0;
            Set<String> preferred = random.nextDouble() < 0.2 ? Set.of(home.precinct().getId()) : Set.of();
            String number = String.format("%05d", v + 1);
            volunteers.add(new Volunteer("V" + number, "Volunteer " + number,
                    lonLat.createPoint(new Coordinate(projection.lon(x[v]), projection.lat(y[v]))), skills,
                    languages, MODES[mode], maxMinutes, availability, maxShifts, twoADay ? 2 : 1,
                    "org-" + (organizer[v] + 1), attendance, preferred));
        }
        return volunteers;
    }

    private double[] cumulativeSupporters() {
        double[] cumulative = new double[precincts.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            Precinct precinct = precincts.get(i).precinct();
            sum += precinct.getRegisteredVoters() * precinct.getSupportShare();
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** Rejection sampling in the envelope: uniform by area; cells are convex or nearly so, so few draws miss. */
    private Coordinate uniformPointIn(Geometry cell) {
        Envelope box = cell.getEnvelopeInternal();
        for (int attempt = 0; attempt < HOME_SAMPLING_ATTEMPTS; attempt++) {
            Coordinate candidate = new Coordinate(box.getMinX() + box.getWidth() * random.nextDouble(),
                    box.getMinY() + box.getHeight() * random.nextDouble());
            if (SimplePointInAreaLocator.locate(candidate, cell) == Location.INTERIOR) {
                return candidate;
            }
        }
        return cell.getInteriorPoint().getCoordinate();
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

    private static void addIf(Set<Skill> skills, Skill skill, double probability, SplittableRandom random) {
        if (random.nextDouble() < probability) {
            skills.add(skill);
        }
    }

    private static Set<String> languages(double hispanicAboveMean, SplittableRandom random) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add("en");
        double spanish = PrecinctFactory.clamp(SPANISH_SHARE + SPANISH_PER_HISPANIC_SHARE * hispanicAboveMean,
                0.03, 0.95);
        if (random.nextDouble() < spanish) {
            languages.add("es");
        }
        if (random.nextDouble() < 0.03) {
            languages.add("pt");
        }
        return languages;
    }
}
