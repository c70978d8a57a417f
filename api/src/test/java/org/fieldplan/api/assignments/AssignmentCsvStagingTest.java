package org.fieldplan.api.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The organizer's CSV sheet says where each team meets when the region has staging locations, and who drives whom with
 * the pick-ups, as the JSON's {@code carpool} does.
 */
class AssignmentCsvStagingTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static String row(VolunteerAssignment.StagingInfo meetAt) {
        return row(meetAt, null);
    }

    private static String row(VolunteerAssignment.StagingInfo meetAt, VolunteerAssignment.CarpoolInfo carpool) {
        var precinct = new VolunteerAssignment.PrecinctInfo("P1", "Ward 1", null, null, null, meetAt);
        var assignment = new VolunteerAssignment("V1", "Ana", "org-1", "sat-pm",
                LocalDateTime.parse("2026-10-31T13:00"), LocalDateTime.parse("2026-10-31T16:00"), precinct,
                List.of(), 7, "PENDING", null, carpool);
        return AssignmentCsv.write(new DailyAssignments("job", null, null, "America/New_York", List.of(assignment),
                Map.of())).split("\r\n", 2)[1].strip();
    }

    private static Point at(double lon, double lat) {
        return GEOMETRY.createPoint(new Coordinate(lon, lat));
    }

    @Test
    void theRowNamesTheStagingLocationAndTheMeetingTime() {
        assertThat(AssignmentCsv.HEADER).contains(",staging_id,staging_name,staging_address,staging_time,");
        assertThat(row(new VolunteerAssignment.StagingInfo("S1", "=Office", "12 Wickenden St, Providence", null)))
                .endsWith(",S1,\"'=Office\",\"12 Wickenden St, Providence\",13:00,,,");
    }

    @Test
    void withoutStagingOrCarpoolTheCellsAreEmpty() {
        assertThat(row(null)).endsWith(",,,,,,,");
        assertThat(row(null).split(",", -1)).hasSize(AssignmentCsv.HEADER.split(",").length);
    }

    @Test
    void aDriversRowNamesTheRidersAndTheirPickUpsInOrder() {
        assertThat(AssignmentCsv.HEADER).endsWith(",drives,rides_with,pick_up");
        var carpool = new VolunteerAssignment.CarpoolInfo(null, null, List.of(
                new VolunteerAssignment.Rider("R1", "Ben", at(-71.42, 41.82)),
                new VolunteerAssignment.Rider("R2", null, at(-71.43, 41.83))));
        String row = row(null, carpool);
        assertThat(row).endsWith(",R1 Ben; R2,,POINT (-71.42 41.82); POINT (-71.43 41.83)");
        assertThat(row.split(",", -1)).hasSize(AssignmentCsv.HEADER.split(",").length);
    }

    @Test
    void aRidersRowNamesTheDriverAndThePickUp() {
        var carpool = new VolunteerAssignment.CarpoolInfo(new VolunteerAssignment.Buddy("D1", "Carla"),
                at(-71.42, 41.82), List.of());
        assertThat(row(null, carpool)).endsWith(",,D1 Carla,POINT (-71.42 41.82)");
    }
}
