package org.fieldplan.api.assignments;

import java.util.stream.Collectors;

import org.locationtech.jts.geom.Point;

/**
 * The daily sheet as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed), safe to open in a
 * spreadsheet: a text cell that would start a formula gets the OWASP CSV-injection treatment.
 */
final class AssignmentCsv {

    static final String HEADER = "volunteer_id,name,organizer_id,slot_id,start,end,precinct_id,precinct_name,"
            + "centroid_lon,centroid_lat,buddies,travel_minutes,confirmation,volunteer_link,meeting_point,meeting_lon,"
            + "meeting_lat,staging_id,staging_name,staging_address,staging_time,drives,rides_with,pick_up";

    /** Cells starting with one of these are read as formulas by spreadsheets (OWASP "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private AssignmentCsv() {
    }

    static String write(DailyAssignments sheet) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (VolunteerAssignment a : sheet.assignments()) {
            String buddies = a.buddies().stream().map(b -> person(b.volunteerId(), b.name()))
                    .collect(Collectors.joining("; "));
            var centroid = a.precinct().centroid();
            var meeting = a.precinct().meetingPoint();
            csv.append(String.join(",", field(a.volunteerId()), field(a.name()), field(a.organizerId()),
                    field(a.slotId()), a.start().toString(), a.end().toString(), field(a.precinct().id()),
                    field(a.precinct().name()), centroid == null ? "" : Double.toString(centroid.getX()),
                    centroid == null ? "" : Double.toString(centroid.getY()), field(buddies),
                    Integer.toString(a.travelMinutes()), field(a.confirmation()), field(a.volunteerLink()),
                    meeting == null ? "" : field(meeting.label()),
                    meeting == null ? "" : Double.toString(meeting.point().getX()),
                    meeting == null ? "" : Double.toString(meeting.point().getY()), stagingCells(a), carpoolCells(a)))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** Where the team meets to get its turf (empty without staging locations): id, name, address, time. */
    private static String stagingCells(VolunteerAssignment a) {
        var at = a.precinct().meetAt();
        return at == null ? ",,," : String.join(",", field(at.id()), field(at.name()), field(at.address()),
                a.start().toLocalTime().toString());
    }

    /**
     * Who drives whom, as the JSON's {@code carpool}: a driver's riders ({@code drives}, "id name; …" in pick-up
     * order), a rider's driver ({@code rides_with}, "id name") and the pick-ups (WKT {@code POINT (lon lat)}, one per
     * rider in the same order: a text cell no spreadsheet reads as a formula); empty for a volunteer on their own.
     */
    private static String carpoolCells(VolunteerAssignment a) {
        var carpool = a.carpool();
        if (carpool == null) {
            return ",,";
        }
        if (carpool.driver() != null) {
            return String.join(",", "", field(person(carpool.driver().volunteerId(), carpool.driver().name())),
                    field(lonLat(carpool.pickUp())));
        }
        return String.join(",", field(carpool.riders().stream().map(r -> person(r.volunteerId(), r.name()))
                .collect(Collectors.joining("; "))), "", field(carpool.riders().stream()
                        .map(r -> lonLat(r.pickUp())).collect(Collectors.joining("; "))));
    }

    private static String person(String id, String name) {
        return name == null ? id : id + " " + name;
    }

    private static String lonLat(Point point) {
        return point == null ? "" : "POINT (" + point.getX() + " " + point.getY() + ")";
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            // A leading apostrophe makes the cell text; quoting keeps the apostrophe and the rest in one field.
            return "\"'" + value.replace("\"", "\"\"") + "\"";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
