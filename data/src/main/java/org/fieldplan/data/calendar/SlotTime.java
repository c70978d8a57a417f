package org.fieldplan.data.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One canvassing slot of a day, e.g. 09:00–12:00, in the campaign's local time.
 *
 * @param name suffix of the slot's id ({@code 2026-10-31-am}); when null the start time as {@code HHmm}
 *     ({@code 2026-10-31-0900})
 */
public record SlotTime(LocalTime start, LocalTime end, String name) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HHmm");

    public SlotTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            // Slots stay within one day: an overnight slot would belong to two dates.
            throw new IllegalArgumentException("ends at " + end + ", not after its start " + start);
        }
    }

    /** The suffix of this slot's id on every day it is offered. */
    public String idSuffix() {
        return name != null ? name : start.format(HOURS_MINUTES);
    }
}
