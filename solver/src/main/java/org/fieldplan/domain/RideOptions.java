package org.fieldplan.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Point;

/**
 * Derived before solving for a volunteer who accepts rides: the drivers who could pick them up within their detour
 * limit (the value range of a shift's {@link Shift#getRide() ride}), the precincts they can be sent to per date when
 * riding (their own reach and their candidate drivers'), and how minutes by car between two points are estimated.
 *
 * @param drivers candidate drivers, nearest first; a list that may be asked whether it contains null
 * @param reachByDate per date of the plan, the rider's own candidates and those of their candidate drivers
 * @param carMinutes one-way minutes by car between two points (the travel model's estimate)
 */
public record RideOptions(List<Volunteer> drivers, Map<LocalDate, List<Precinct>> reachByDate,
        CarMinutes carMinutes) {

    /** Minutes by car from one point to another. */
    @FunctionalInterface
    public interface CarMinutes {
        double between(Point from, Point to);
    }

    /**
     * No candidate drivers: the volunteer travels on their own. An empty list that answers "contains null?" (a value
     * range is asked), unlike {@code List.of()}.
     */
    public static final RideOptions NONE = new RideOptions(Collections.emptyList(), Map.of(), (from, to) -> 0);
}
