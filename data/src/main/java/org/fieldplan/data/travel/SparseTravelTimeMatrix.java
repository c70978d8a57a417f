package org.fieldplan.data.travel;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelTimeMatrix;

/**
 * Travel times known only for precomputed (volunteer, precinct) candidate pairs, e.g. from a spatial query. Any
 * other pair is unknown ({@link Double#POSITIVE_INFINITY}), so the matrix answers {@link #within} only up to the
 * limit the pairs were computed for (each volunteer's own travel limit).
 */
public final class SparseTravelTimeMatrix implements TravelTimeMatrix {

    private final Map<String, List<PrecinctTravel>> byVolunteer;
    private final Map<String, Map<String, Double>> minutes = new HashMap<>();

    /** @param byVolunteer each volunteer id's reachable precincts; the lists are sorted here, quickest first */
    public SparseTravelTimeMatrix(Map<String, List<PrecinctTravel>> byVolunteer) {
        this.byVolunteer = new HashMap<>();
        byVolunteer.forEach((volunteerId, pairs) -> {
            List<PrecinctTravel> sorted = pairs.stream()
                    .sorted(Comparator.comparingDouble(PrecinctTravel::minutes)
                            .thenComparing(p -> p.precinct().getId()))
                    .toList();
            this.byVolunteer.put(volunteerId, sorted);
            Map<String, Double> row = new HashMap<>();
            sorted.forEach(p -> row.put(p.precinct().getId(), p.minutes()));
            minutes.put(volunteerId, row);
        });
    }

    @Override
    public double minutes(Volunteer volunteer, Precinct precinct) {
        Double value = minutes.getOrDefault(volunteer.getId(), Map.of()).get(precinct.getId());
        return value == null ? Double.POSITIVE_INFINITY : value;
    }

    @Override
    public List<PrecinctTravel> within(Volunteer volunteer, double maxMinutes) {
        return byVolunteer.getOrDefault(volunteer.getId(), List.of()).stream()
                .takeWhile(p -> p.minutes() <= maxMinutes)
                .toList();
    }

    /** The candidate pairs of one volunteer, quickest first. */
    public List<PrecinctTravel> pairs(String volunteerId) {
        return byVolunteer.getOrDefault(volunteerId, List.of());
    }

    /** How many (volunteer, precinct) pairs are known. */
    public long pairCount() {
        return byVolunteer.values().stream().mapToLong(List::size).sum();
    }
}
