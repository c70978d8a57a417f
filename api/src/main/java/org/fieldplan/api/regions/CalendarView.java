package org.fieldplan.api.regions;

import java.time.ZoneId;
import java.util.List;

import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.domain.TimeSlot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A region's calendar as the API shows it: the time zone, the first and last day, every slot in local time and as
 * an instant (UTC), the declaration it was expanded from ({@code null} when the slots were stated directly), and
 * when it was just set, the warnings about it (a zone far from the region's solar time).
 */
public record CalendarView(String regionId, String timeZone, String firstDay, String lastDay, JsonNode declared,
        List<Slot> slots, List<String> warnings) {

    /** One slot: local times in the region's zone, and the same moments in UTC. */
    public record Slot(String id, String start, String end, String startUtc, String endUtc) {
    }

    static CalendarView of(String regionId, RegionCalendar calendar, List<String> warnings) {
        ZoneId zone = ZoneId.of(calendar.timeZone());
        List<Slot> slots = calendar.slots().stream().map(slot -> slot(slot, zone)).toList();
        return new CalendarView(regionId, calendar.timeZone(),
                calendar.firstDay().map(Object::toString).orElse(null),
                calendar.lastDay().map(Object::toString).orElse(null),
                calendar.declared().map(CalendarJson::toTree).orElse(null), slots, warnings);
    }

    private static Slot slot(TimeSlot slot, ZoneId zone) {
        return new Slot(slot.getId(), slot.getStart().toString(), slot.getEnd().toString(),
                slot.getStart().atZone(zone).toInstant().toString(), slot.getEnd().atZone(zone).toInstant().toString());
    }
}
