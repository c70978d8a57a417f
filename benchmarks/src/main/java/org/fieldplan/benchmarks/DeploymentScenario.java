package org.fieldplan.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The deployment benchmark's additions to a region, seeded: staging locations where people live, and a share of the
 * volunteers who drive offering a Saturday deployment day.
 *
 * <ul>
 * <li>Staging locations: k-means (k-means++ start, 30 rounds) over precinct points weighted by registered voters, so
 * offices sit where the people are; each is open 08:00–21:00 on every campaign day and sends out
 * {@value #TEAMS_PER_SLOT} teams per slot.</li>
 * <li>Deployment days: each volunteer who travels by car offers, with probability {@code share} ÷ (car share), a
 * whole Saturday: available all day, at least {@value #DEPLOYMENT_SLOTS} shifts that day and over the horizon, and
 * (when offered) up to {@value #DEPLOYMENT_MINUTES} minutes one way for at least {@value #DEPLOYMENT_SLOTS}
 * consecutive slots. Without the offer the same volunteers keep the same day but their everyday limit: the "before"
 * of a before/after comparison.</li>
 * </ul>
 */
public final class DeploymentScenario {

    public static final int TEAMS_PER_SLOT = 25;
    public static final int DEPLOYMENT_MINUTES = 90;
    public static final int DEPLOYMENT_SLOTS = 3;
    private static final int KMEANS_ROUNDS = 30;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private DeploymentScenario() {
    }

    /** The problem with {@code count} staging locations (see the class comment). */
    public static FieldPlanProblem withStaging(FieldPlanProblem problem, int count, long seed) {
        List<Precinct> points = problem.precincts().stream().filter(p -> p.getCentroid() != null).toList();
        List<double[]> centres = kMeans(points, count, new SplittableRandom(seed));
        List<OpeningHours> hours = problem.timeSlots().stream().map(TimeSlot::getDay).distinct()
                .map(day -> new OpeningHours(day, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(21, 0)))
                .toList();
        List<StagingLocation> staging = new ArrayList<>();
        for (int i = 0; i < centres.size(); i++) {
            double[] centre = centres.get(i);
            staging.add(new StagingLocation("S" + (i + 1), "Staging " + (i + 1), null,
                    GEOMETRY.createPoint(new Coordinate(centre[0], centre[1])), hours, TEAMS_PER_SLOT));
        }
        return problem.withStagingLocations(staging);
    }

    /**
     * The problem where about {@code share} of all volunteers (drawn among those who drive) give a whole Saturday;
     * with {@code offer} they also accept the longer trip.
     */
    public static FieldPlanProblem withDeploymentDays(FieldPlanProblem problem, double share, boolean offer,
            long seed) {
        LocalDate saturday = problem.timeSlots().stream().map(TimeSlot::getDay)
                .filter(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY).findFirst().orElseThrow(
                        () -> new IllegalArgumentException(problem.name() + " has no Saturday slot"));
        List<TimeSlot> day = problem.timeSlots().stream().filter(s -> s.getDay().equals(saturday)).toList();
        LocalDateTime from = day.stream().map(TimeSlot::getStart).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime to = day.stream().map(TimeSlot::getEnd).max(Comparator.naturalOrder()).orElseThrow();
        long drivers = problem.volunteers().stream().filter(v -> v.getTravelMode() == TravelMode.CAR).count();
        double chance = drivers == 0 ? 0 : Math.min(1, share * problem.volunteers().size() / drivers);
        SplittableRandom random = new SplittableRandom(seed);
        List<Volunteer> volunteers = new ArrayList<>();
        for (Volunteer v : problem.volunteers()) {
            boolean gives = v.getTravelMode() == TravelMode.CAR && random.nextDouble() < chance;
            if (!gives) {
                volunteers.add(v);
                continue;
            }
            List<AvailabilityWindow> availability = new ArrayList<>(v.getAvailability());
            availability.add(new AvailabilityWindow(from, to));
            List<DeploymentOffer> offers = offer
                    ? List.of(new DeploymentOffer(saturday, DEPLOYMENT_MINUTES, DEPLOYMENT_SLOTS)) : List.of();
            volunteers.add(new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(),
                    v.getTravelMode(), v.getMaxTravelMinutes(), availability,
                    Math.max(v.getMaxShifts(), DEPLOYMENT_SLOTS), Math.max(v.getMaxShiftsPerDay(), DEPLOYMENT_SLOTS),
                    v.getOrganizerId(), v.getAttendanceProbability(), v.getPreferredPrecinctIds(), offers,
                    v.getCarpool()));
        }
        return new FieldPlanProblem(problem.name() + (offer ? ", deployment days" : ", whole Saturdays"),
                problem.timeZone(), problem.voteModel(), problem.travel(), problem.districts(), problem.timeSlots(),
                problem.precincts(), volunteers, problem.weights(), problem.assignments(), problem.travelMinutes(),
                problem.stagingLocations());
    }

    /**
     * The problem where about {@code driverShare} of the volunteers who drive offer {@code seats} free seats and a
     * {@code detourMinutes} detour, and every other volunteer accepts rides.
     */
    public static FieldPlanProblem withCarpools(FieldPlanProblem problem, double driverShare, int seats,
            int detourMinutes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Volunteer> volunteers = new ArrayList<>();
        for (Volunteer v : problem.volunteers()) {
            boolean drives = v.getTravelMode() == TravelMode.CAR && random.nextDouble() < driverShare;
            Carpool carpool = drives ? new Carpool(seats, detourMinutes, false) : new Carpool(0, 0, true);
            volunteers.add(new Volunteer(v.getId(), v.getName(), v.getHome(), v.getSkills(), v.getLanguages(),
                    v.getTravelMode(), v.getMaxTravelMinutes(), v.getAvailability(), v.getMaxShifts(),
                    v.getMaxShiftsPerDay(), v.getOrganizerId(), v.getAttendanceProbability(),
                    v.getPreferredPrecinctIds(), v.getDeploymentOffers(), carpool));
        }
        return new FieldPlanProblem(problem.name() + ", carpools", problem.timeZone(), problem.voteModel(),
                problem.travel(), problem.districts(), problem.timeSlots(), problem.precincts(), volunteers,
                problem.weights(), problem.assignments(), problem.travelMinutes(), problem.stagingLocations());
    }

    /** Weighted k-means over precinct points (lon, lat), weights = registered voters (at least 1). */
    private static List<double[]> kMeans(List<Precinct> points, int k, SplittableRandom random) {
        List<double[]> centres = new ArrayList<>();
        centres.add(xy(points.get(random.nextInt(points.size()))));
        while (centres.size() < Math.min(k, points.size())) {
            double[] d2 = new double[points.size()];
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                d2[i] = weight(points.get(i)) * Math.pow(nearestKm(points.get(i), centres), 2);
                total += d2[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = 0;
            while (chosen < d2.length - 1 && (pick -= d2[chosen]) > 0) {
                chosen++;
            }
            centres.add(xy(points.get(chosen)));
        }
        for (int round = 0; round < KMEANS_ROUNDS; round++) {
            double[][] sums = new double[centres.size()][3];
            for (Precinct p : points) {
                int c = nearest(p, centres);
                double w = weight(p);
                sums[c][0] += w * p.getCentroid().getX();
                sums[c][1] += w * p.getCentroid().getY();
                sums[c][2] += w;
            }
            for (int c = 0; c < centres.size(); c++) {
                if (sums[c][2] > 0) {
                    centres.set(c, new double[] {sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]});
                }
            }
        }
        return centres;
    }

    private static double weight(Precinct precinct) {
        return Math.max(1, precinct.getRegisteredVoters());
    }

    private static double[] xy(Precinct precinct) {
        return new double[] {precinct.getCentroid().getX(), precinct.getCentroid().getY()};
    }

    private static int nearest(Precinct precinct, List<double[]> centres) {
        int best = 0;
        for (int c = 1; c < centres.size(); c++) {
            if (km(precinct, centres.get(c)) < km(precinct, centres.get(best))) {
                best = c;
            }
        }
        return best;
    }

    private static double nearestKm(Precinct precinct, List<double[]> centres) {
        return km(precinct, centres.get(nearest(precinct, centres)));
    }

    private static double km(Precinct precinct, double[] centre) {
        return GreatCircle.distanceKm(precinct.getCentroid().getY(), precinct.getCentroid().getX(), centre[1],
                centre[0]);
    }
}
