package org.fieldplan.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/** A period in which a volunteer said they can work. A slot is available only if a window covers all of it. */
public record AvailabilityWindow(LocalDateTime start, LocalDateTime end) {

    public AvailabilityWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean covers(TimeSlot slot) {
        return !start.isAfter(slot.getStart()) && !end.isBefore(slot.getEnd());
    }
}
