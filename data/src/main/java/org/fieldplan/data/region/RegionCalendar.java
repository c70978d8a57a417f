package org.fieldplan.data.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.domain.TimeSlot;

/**
 * A stored region's calendar: the time zone and time slots its problems are built with and, when it was declared
 * rather than stated slot by slot, the declaration ({@link CampaignCalendar}) they were expanded from.
 */
public record RegionCalendar(String timeZone, List<TimeSlot> slots, Optional<CampaignCalendar> declared) {

    public RegionCalendar {
        slots = List.copyOf(slots);
    }

    /** The day of the first slot, if there is one. */
    public Optional<LocalDate> firstDay() {
        return slots.stream().map(TimeSlot::getDay).min(LocalDate::compareTo);
    }

    /** The day of the last slot, if there is one. */
    public Optional<LocalDate> lastDay() {
        return slots.stream().map(TimeSlot::getDay).max(LocalDate::compareTo);
    }
}
