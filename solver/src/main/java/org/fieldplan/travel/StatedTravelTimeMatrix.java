package org.fieldplan.travel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;

/**
 * Travel minutes stated with the problem (e.g. computed over a road network by the data layer) for the volunteers
 * they list, and another matrix's for every other volunteer (one who signed up after the minutes were computed).
 * A listed volunteer reaches exactly the precincts listed for them.
 */
public final class StatedTravelTimeMatrix implements TravelTimeMatrix {

    private final Map<String, Map<String, Double>> stated;
    private final Map<String, Precinct> precinctsById = new HashMap<>();
    private final TravelTimeMatrix others;

    /**
     * @param stated minutes per volunteer id, then precinct id; ids of precincts not in {@code precincts} are ignored
     * @param others the travel times of volunteers without stated minutes
     */
    public StatedTravelTimeMatrix(Map<String, Map<String, Double>> stated, List<Precinct> precincts,
            TravelTimeMatrix others) {
        this.stated = stated;
        this.others = others;
        precincts.forEach(p -> precinctsById.put(p.getId(), p));
    }

    @Override
    public double minutes(Volunteer volunteer, Precinct precinct) {
        Map<String, Double> row = stated.get(volunteer.getId());
        if (row == null) {
            return others.minutes(volunteer, precinct);
        }
        return row.getOrDefault(precinct.getId(), Double.POSITIVE_INFINITY);
    }

    @Override
    public List<PrecinctTravel> within(Volunteer volunteer, double maxMinutes) {
        Map<String, Double> row = stated.get(volunteer.getId());
        if (row == null) {
            return others.within(volunteer, maxMinutes);
        }
        List<PrecinctTravel> reachable = new ArrayList<>();
        row.forEach((precinctId, minutes) -> {
            Precinct precinct = precinctsById.get(precinctId);
            if (precinct != null && minutes <= maxMinutes) {
                reachable.add(new PrecinctTravel(precinct, minutes));
            }
        });
        // Quickest first, ties by id: the same candidates whatever order the minutes were stated in.
        reachable.sort(Comparator.comparingDouble(PrecinctTravel::minutes)
                .thenComparing(p -> p.precinct().getId()));
        return reachable;
    }
}
