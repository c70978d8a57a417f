package org.fieldplan.data.region;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which part of a region a planning problem covers: the time slots starting on a day in {@code [from, to]}
 * (inclusive) and, when {@code organizerId} is not null, only that organizer's volunteers. Every precinct and
 * district of the region is included.
 */
public record ProblemQuery(String regionId, LocalDate from, LocalDate to, String organizerId) {

    public ProblemQuery {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends before it starts: " + from + " … " + to);
        }
    }

    /** All volunteers of the region. */
    public static ProblemQuery of(String regionId, LocalDate from, LocalDate to) {
        return new ProblemQuery(regionId, from, to, null);
    }

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean includesOrganizer(String volunteersOrganizerId) {
        return organizerId == null || organizerId.equals(volunteersOrganizerId);
    }
}
