package org.fieldplan.api.assignments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A volunteer's shifts as an iCalendar feed (RFC 5545). Times are local to the problem's time zone
 * ({@code DTSTART;TZID=America/New_York:…}) and the calendar carries a {@code VTIMEZONE} with the zone's offset
 * changes around the shifts, so a shift on the night clocks change (1 Nov 2026 in New York) lands right.
 */
final class AssignmentCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private AssignmentCalendar() {
    }

    static String write(DailyAssignments sheet, String volunteerId, Instant now) {
        ZoneId zone = ZoneId.of(sheet.timeZone());
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//FieldPlan//Canvass shifts//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:Canvassing shifts " + text(volunteerId));
        timeZone(ics, zone, sheet.assignments());
        String stamp = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LOCAL) + "Z";
        for (VolunteerAssignment a : sheet.assignments()) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + text(sheet.jobId() + "-" + a.volunteerId() + "-" + a.slotId()) + "@fieldplan");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART;TZID=" + zone.getId() + ":" + a.start().format(LOCAL));
            line(ics, "DTEND;TZID=" + zone.getId() + ":" + a.end().format(LOCAL));
            line(ics, "SUMMARY:" + text("Canvass " + a.precinct().name()));
            var place = a.precinct().meetingPoint();
            if (place != null) {
                line(ics, "GEO:" + place.point().getY() + ";" + place.point().getX());
            }
            String precinct = "Precinct " + a.precinct().id() + " " + a.precinct().name();
            line(ics, "LOCATION:" + text(place == null || place.street() == null ? precinct
                    : place.street() + ", " + precinct));
            line(ics, "DESCRIPTION:" + text("Team: " + a.buddies().stream()
                    .map(b -> b.name() == null ? b.volunteerId() : b.name()).toList() + ". Travel about "
                    + a.travelMinutes() + " min one way."));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** The zone's offset changes from the one in force at the first shift to the first after the last. */
    private static void timeZone(StringBuilder ics, ZoneId zone, List<VolunteerAssignment> shifts) {
        ZoneRules rules = zone.getRules();
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:" + zone.getId());
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        if (!shifts.isEmpty()) {
            Instant first = shifts.get(0).start().atZone(zone).toInstant();
            Instant last = shifts.get(shifts.size() - 1).end().atZone(zone).toInstant();
            ZoneOffsetTransition transition = rules.previousTransition(first);
            while (transition != null && !transition.getInstant().isAfter(last)) {
                transitions.add(transition);
                transition = rules.nextTransition(transition.getInstant());
            }
            if (transition != null) {
                transitions.add(transition);
            }
        }
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.EPOCH);
            observance(ics, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset);
        }
        for (ZoneOffsetTransition t : transitions) {
            boolean daylight = rules.isDaylightSavings(t.getInstant());
            observance(ics, daylight ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(), t.getOffsetBefore(),
                    t.getOffsetAfter());
        }
        line(ics, "END:VTIMEZONE");
    }

    private static void observance(StringBuilder ics, String kind, LocalDateTime start, ZoneOffset from,
            ZoneOffset to) {
        line(ics, "BEGIN:" + kind);
        line(ics, "DTSTART:" + start.format(LOCAL));
        line(ics, "TZOFFSETFROM:" + offset(from));
        line(ics, "TZOFFSETTO:" + offset(to));
        line(ics, "END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /**
     * Content lines end in CRLF and fold at 75 octets, a continuation starting with one space (counting chars is
     * counting octets for ASCII; other characters may make a folded line a little longer, which readers accept).
     */
    private static void line(StringBuilder ics, String content) {
        int start = 0;
        int width = 75;
        while (content.length() - start > width) {
            ics.append(content, start, start + width).append("\r\n ");
            start += width;
            width = 74;
        }
        ics.append(content, start, content.length()).append("\r\n");
    }
}
