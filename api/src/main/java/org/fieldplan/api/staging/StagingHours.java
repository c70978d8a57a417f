package org.fieldplan.api.staging;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;

/** Opening hours with one slot cut out: how a staging location closes for a slot and stays open the rest of the day. */
final class StagingHours {

    /** A location without stated hours is open all day; cut from these. */
    private static final LocalTime DAY_START = LocalTime.MIDNIGHT;
    private static final LocalTime DAY_END = LocalTime.of(23, 59);

    private StagingHours() {
    }

    /**
     * The location, closed from the slot's start to its end.
     *
     * @param days the region's days: a location without stated hours gets whole-day hours on each of them first
     */
    static StagingLocation closedDuring(StagingLocation location, TimeSlot slot, Collection<LocalDate> days) {
        List<OpeningHours> hours = location.hours().isEmpty()
                ? days.stream().distinct().sorted().map(day -> new OpeningHours(day, DAY_START, DAY_END)).toList()
                : location.hours();
        LocalTime from = slot.getStart().toLocalTime();
        LocalTime to = slot.getEnd().toLocalDate().equals(slot.getDay()) ? slot.getEnd().toLocalTime() : DAY_END;
        List<OpeningHours> cut = new ArrayList<>();
        for (OpeningHours open : hours) {
            if (!open.date().equals(slot.getDay()) || !open.open().isBefore(to) || !open.close().isAfter(from)) {
                cut.add(open);
                continue;
            }
            if (open.open().isBefore(from)) {
                cut.add(new OpeningHours(open.date(), open.open(), from));
            }
            if (open.close().isAfter(to)) {
                cut.add(new OpeningHours(open.date(), to, open.close()));
            }
        }
        if (cut.isEmpty()) {
            // No hours at all would mean "always open": keep one minute on record instead, which covers no real slot.
            cut.add(new OpeningHours(slot.getDay(), from, from.plusMinutes(1)));
        }
        return new StagingLocation(location.id(), location.name(), location.address(), location.point(), cut,
                location.teamsPerSlot());
    }
}
