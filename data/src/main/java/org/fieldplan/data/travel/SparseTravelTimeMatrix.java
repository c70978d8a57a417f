package org.fieldplan.data.travel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Quickest first; ties by precinct id, so the order does not depend on the order the pairs were found in. */
    static final Comparator<PrecinctTravel> QUICKEST_FIRST = (a, b) -> {
        int byMinutes = Double.compare(a.minutes(), b.minutes());
        return byMinutes != 0 ? byMinutes : a.precinct().getId().compareTo(b.precinct().getId());
    };

    private final Map<String, List<PrecinctTravel>> byVolunteer;
    /**
     * Per-volunteer lookup tables for {@link #minutes}, built on first use: at L there are millions of pairs, and
     * the solver asks for few of them this way (a volunteer's candidates carry their own minutes).
     */
    private final Map<String, Map<String, Double>> minutes = new ConcurrentHashMap<>();

    /** @param byVolunteer each volunteer id's reachable precincts; the lists are sorted here, quickest first */
    public SparseTravelTimeMatrix(Map<String, List<PrecinctTravel>> byVolunteer) {
        this.byVolunteer = new HashMap<>(byVolunteer.size() * 2);
        byVolunteer.forEach((volunteerId, pairs) -> {
            PrecinctTravel[] sorted = pairs.toArray(PrecinctTravel[]::new);
            Arrays.sort(sorted, QUICKEST_FIRST);
            this.byVolunteer.put(volunteerId, List.of(sorted));
        });
    }

    @Override
    public double minutes(Volunteer volunteer, Precinct precinct) {
        Double value = minutes.computeIfAbsent(volunteer.getId(), this::lookupTable).get(precinct.getId());
        return value == null ? Double.POSITIVE_INFINITY : value;
    }

    private Map<String, Double> lookupTable(String volunteerId) {
        Map<String, Double> row = new HashMap<>();
        pairs(volunteerId).forEach(p -> row.put(p.precinct().getId(), p.minutes()));
        return row;
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
