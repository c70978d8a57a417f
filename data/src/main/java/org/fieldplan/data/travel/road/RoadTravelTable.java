package org.fieldplan.data.travel.road;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;

/**
 * Each volunteer's reachable precincts with their travel minutes (by road, or estimated where the roads end), and
 * how they were found.
 */
public record RoadTravelTable(Map<String, List<PrecinctTravel>> byVolunteer, RoadTravelReport report) {

    public RoadTravelTable {
        byVolunteer = Map.copyOf(byVolunteer);
    }

    public SparseTravelTimeMatrix matrix() {
        return new SparseTravelTimeMatrix(byVolunteer);
    }

    /**
     * The minutes as a problem states them: per volunteer id, then precinct id, in tenths of a minute (finer is
     * noise, and a county's problem file stays a third smaller). Volunteers whose home is outside the roads are left
     * out: without stated minutes they get the same straight-line estimate anyway.
     */
    public Map<String, Map<String, Double>> minutes() {
        Map<String, Map<String, Double>> minutes = new HashMap<>();
        byVolunteer.forEach((volunteerId, pairs) -> {
            if (!report.volunteersEstimated().contains(volunteerId)) {
                Map<String, Double> row = new HashMap<>();
                pairs.forEach(p -> row.put(p.precinct().getId(), Math.round(p.minutes() * 10) / 10.0));
                minutes.put(volunteerId, row);
            }
        });
        return minutes;
    }
}
