package org.fieldplan.data.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.Precinct;
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
 * <li>Organizer: by neighbourhood, see {@link OrganizerTurfs}.</li>
 * <li>Everything else: {@link VolunteerSampler}, told how urban and how Hispanic the home precinct is compared
 * with the volunteers' average, and which precinct it is.</li>
 * </ul>
 */
final class VolunteerFactory {

    private static final int HOME_SAMPLING_ATTEMPTS = 1_000;

    private final List<GeneratedPrecinct> precincts;
    private final VolunteerSampler sampler;
    private final LocalProjection projection;
    private final GeometryFactory lonLat;
    private final SplittableRandom random;

    VolunteerFactory(List<GeneratedPrecinct> precincts, VolunteerSampler sampler, LocalProjection projection,
            GeometryFactory lonLat, SplittableRandom random) {
        this.precincts = precincts;
        this.sampler = sampler;
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
        String[] organizerIds = OrganizerTurfs.assign(x, y);

        List<Volunteer> volunteers = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            GeneratedPrecinct home = precincts.get(homePrecinct[v]);
            VolunteerSampler.Neighbourhood neighbourhood = new VolunteerSampler.Neighbourhood(
                    home.urbanity() - meanUrbanity, home.hispanicShare() - meanHispanic, home.precinct().getId());
            String number = String.format("%05d", v + 1);
            volunteers.add(sampler.sample("V" + number, "Volunteer " + number,
                    lonLat.createPoint(new Coordinate(projection.lon(x[v]), projection.lat(y[v]))),
                    organizerIds[v], neighbourhood, random));
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
}
