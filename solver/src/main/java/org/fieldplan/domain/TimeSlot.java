package org.fieldplan.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A canvassing shift window, e.g. Saturday 09:00–12:00, in the campaign's local time.
 * Every volunteer assigned to a precinct in this slot works it for the whole slot.
 */
public final class TimeSlot {

    @PlanningId
    private final String id;
    private final LocalDateTime start;
    private final LocalDateTime end;

    public TimeSlot(String id, LocalDateTime start, LocalDateTime end) {
        this.id = Objects.requireNonNull(id, "id");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
    }

    public String getId() {
        return id;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public LocalDate getDay() {
        return start.toLocalDate();
    }

    /** Length of the shift in hours (the canvassing time that produces doors). */
    public double getHours() {
        return Duration.between(start, end).toMinutes() / 60.0;
    }

    @Override
    public String toString() {
        return id;
    }
}
