package org.fieldplan.travel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Travel time = great-circle distance from home to the precinct's interior point × road-detour factor ÷ the speed
 * of the volunteer's mode. Reachable precincts are found with an STR-tree over the precinct points, so a query costs
 * O(log n + hits), not O(n).
 */
public final class GreatCircleTravelTimeMatrix implements TravelTimeMatrix {

    private static final double KM_PER_DEGREE_LATITUDE = 110.574;

    private final TravelParameters parameters;
    private final STRtree index = new STRtree();

    public GreatCircleTravelTimeMatrix(List<Precinct> precincts, TravelParameters parameters) {
        this.parameters = parameters;
        for (Precinct precinct : precincts) {
            if (precinct.getCentroid() != null) {
                index.insert(precinct.getCentroid().getEnvelopeInternal(), precinct);
            }
        }
        index.build();
    }

    @Override
    public double minutes(Volunteer volunteer, Precinct precinct) {
        if (volunteer.getHome() == null || precinct.getCentroid() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double roadKm = GreatCircle.distanceKm(volunteer.getHome(), precinct.getCentroid()) * parameters.roadDetourFactor();
        return roadKm / parameters.speedKmh(volunteer.getTravelMode()) * 60.0;
    }

    @Override
    public List<PrecinctTravel> within(Volunteer volunteer, double maxMinutes) {
        Point home = volunteer.getHome();
        if (home == null) {
            return List.of();
        }
        double straightKm = parameters.speedKmh(volunteer.getTravelMode()) * maxMinutes / 60.0 / parameters.roadDetourFactor();
        double dLat = straightKm / KM_PER_DEGREE_LATITUDE;
        double cosLat = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(home.getY()) + dLat))));
        double dLon = dLat / cosLat;
        Envelope search = new Envelope(home.getX() - dLon, home.getX() + dLon, home.getY() - dLat, home.getY() + dLat);
        List<PrecinctTravel> reachable = new ArrayList<>();
        for (Object hit : index.query(search)) {
            Precinct precinct = (Precinct) hit;
            double minutes = minutes(volunteer, precinct);
            if (minutes <= maxMinutes) {
                reachable.add(new PrecinctTravel(precinct, minutes));
            }
        }
        reachable.sort(Comparator.comparingDouble(PrecinctTravel::minutes));
        return reachable;
    }
}
