package org.fieldplan.travel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Point;

/**
 * Travel through staging locations: every precinct's teams meet at the staging location nearest to it, so a
 * volunteer's time to a precinct is home → its staging location by their own mode plus staging location → precinct
 * by car (the team drives together). Distances are great-circle × road-detour factor, as in
 * {@link GreatCircleTravelTimeMatrix}. Building it sets each precinct's {@link Precinct#getStaging() staging}.
 */
public final class StagedTravelTimeMatrix implements TravelTimeMatrix {

    private final TravelParameters parameters;
    private final List<StagingLocation> stagingLocations;
    /** Per staging location, its precincts and the team's minutes to them, quickest first. */
    private final Map<StagingLocation, List<PrecinctTravel>> teamTrips = new HashMap<>();

    public StagedTravelTimeMatrix(List<StagingLocation> stagingLocations, List<Precinct> precincts,
            TravelParameters parameters) {
        if (stagingLocations.isEmpty()) {
            throw new IllegalArgumentException("staged travel needs at least one staging location");
        }
        this.parameters = parameters;
        this.stagingLocations = List.copyOf(stagingLocations);
        stagingLocations.forEach(staging -> teamTrips.put(staging, new ArrayList<>()));
        for (Precinct precinct : precincts) {
            if (precinct.getCentroid() == null) {
                continue;
            }
            StagingLocation nearest = stagingLocations.stream()
                    .min(Comparator.comparingDouble(s -> GreatCircle.distanceKm(s.point(), precinct.getCentroid())))
                    .orElseThrow();
            precinct.setStaging(nearest);
            teamTrips.get(nearest).add(new PrecinctTravel(precinct,
                    minutes(nearest.point(), precinct.getCentroid(), TravelMode.CAR)));
        }
        teamTrips.values().forEach(trips -> trips.sort(Comparator.comparingDouble(PrecinctTravel::minutes)));
    }

    @Override
    public double minutes(Volunteer volunteer, Precinct precinct) {
        StagingLocation staging = precinct.getStaging();
        if (volunteer.getHome() == null || precinct.getCentroid() == null || staging == null
                || !teamTrips.containsKey(staging)) {
            return Double.POSITIVE_INFINITY;
        }
        return minutes(volunteer.getHome(), staging.point(), volunteer.getTravelMode())
                + minutes(staging.point(), precinct.getCentroid(), TravelMode.CAR);
    }

    @Override
    public List<PrecinctTravel> within(Volunteer volunteer, double maxMinutes) {
        if (volunteer.getHome() == null) {
            return List.of();
        }
        List<PrecinctTravel> reachable = new ArrayList<>();
        for (StagingLocation staging : stagingLocations) {
            double toStaging = minutes(volunteer.getHome(), staging.point(), volunteer.getTravelMode());
            for (PrecinctTravel trip : teamTrips.get(staging)) {
                if (toStaging + trip.minutes() > maxMinutes) {
                    break;
                }
                reachable.add(new PrecinctTravel(trip.precinct(), toStaging + trip.minutes()));
            }
        }
        reachable.sort(Comparator.comparingDouble(PrecinctTravel::minutes));
        return reachable;
    }

    private double minutes(Point from, Point to, TravelMode mode) {
        return GreatCircle.distanceKm(from, to) * parameters.roadDetourFactor() / parameters.speedKmh(mode) * 60.0;
    }
}
