package org.fieldplan.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Point;

/**
 * A place where canvassing teams meet and get their turf (a field office, a supporter's garage). When a region has
 * staging locations, every team meets at one: volunteers travel home → staging, the team staging → precinct. It is
 * open during its {@link #hours()} (every day and hour when none are stated) and can send out at most
 * {@code teamsPerSlot} teams in one time slot.
 */
public record StagingLocation(String id, String name, String address, Point point, List<OpeningHours> hours,
        int teamsPerSlot) {

    /** Opening hours on one date, local time. */
    public record OpeningHours(LocalDate date, LocalTime open, LocalTime close) {

        public OpeningHours {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
        }

        boolean covers(TimeSlot slot) {
            return slot.getStart().toLocalDate().equals(date) && slot.getEnd().toLocalDate().equals(date)
                    && !open.isAfter(slot.getStart().toLocalTime()) && !close.isBefore(slot.getEnd().toLocalTime());
        }
    }

    public StagingLocation {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    /** Open for the whole slot: always when no hours are stated, else when one day's hours cover the slot. */
    public boolean isOpenDuring(TimeSlot slot) {
        return hours.isEmpty() || hours.stream().anyMatch(h -> h.covers(slot));
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof StagingLocation s && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
