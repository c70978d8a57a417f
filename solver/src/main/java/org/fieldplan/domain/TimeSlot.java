package org.fieldplan.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A canvassing shift window, e.g. Saturday 09:00–12:00, in the campaign's local time.
 * Every volunteer assigned to a precinct in this slot works it for the whole slot. Its length is real elapsed time
 * in its zone: 01:00–03:00 on the night the clocks go back is three hours of canvassing, not two.
 */
public final class TimeSlot {

    @PlanningId
    private final String id;
    private final LocalDateTime start;
    private final LocalDateTime end;
    /** The zone its local times are in; null when unknown (then lengths are wall-clock differences). */
    private final ZoneId zone;

    public TimeSlot(String id, LocalDateTime start, LocalDateTime end) {
        this(id, start, end, null);
    }

    public TimeSlot(String id, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        this.id = Objects.requireNonNull(id, "id");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.zone = zone;
    }

    /** This slot with its local times in {@code newZone}: itself when it already is, so identities survive. */
    public TimeSlot inZone(ZoneId newZone) {
        return Objects.equals(zone, newZone) ? this : new TimeSlot(id, start, end, newZone);
    }

    public ZoneId getZone() {
        return zone;
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

    /**
     * Length of the shift in real hours (the canvassing time that produces doors): across a daylight-saving change
     * the clock's difference is an hour off. A local time the clocks skip or repeat is read as Java does (the
     * earlier offset of a repeated hour).
     */
    public double getHours() {
        Duration length = zone == null ? Duration.between(start, end)
                : Duration.between(start.atZone(zone), end.atZone(zone));
        return length.toMinutes() / 60.0;
    }

    @Override
    public String toString() {
        return id;
    }
}
