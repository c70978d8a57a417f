package org.fieldplan.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * This window with {@code slot} taken out: itself when it does not cover the slot, else what is left of it before
     * and after the slot (none, one or two windows), so that neighbouring slots stay covered.
     */
    public List<AvailabilityWindow> without(TimeSlot slot) {
        if (!covers(slot)) {
            return List.of(this);
        }
        List<AvailabilityWindow> left = new ArrayList<>(2);
        if (start.isBefore(slot.getStart())) {
            left.add(new AvailabilityWindow(start, slot.getStart()));
        }
        if (slot.getEnd().isBefore(end)) {
            left.add(new AvailabilityWindow(slot.getEnd(), end));
        }
        return left;
    }
}
