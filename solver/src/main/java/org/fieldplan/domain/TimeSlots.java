package org.fieldplan.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** A problem's slots tied to its time zone, so that every slot length is real elapsed time. */
final class TimeSlots {

    private TimeSlots() {
    }

    /**
     * The slots in the zone, or as they are when the zone is missing or not a zone ID (the validator reports that
     * by field; nothing here may fail first).
     */
    static List<TimeSlot> inZone(List<TimeSlot> slots, String timeZone) {
        ZoneId zone;
        try {
            zone = timeZone == null ? null : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            zone = null;
        }
        if (zone == null) {
            return List.copyOf(slots);
        }
        ZoneId of = zone;
        return slots.stream().map(slot -> slot.inZone(of)).toList();
    }
}
