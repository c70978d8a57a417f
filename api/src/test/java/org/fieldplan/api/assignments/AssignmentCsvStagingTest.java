package org.fieldplan.api.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The organizer's CSV sheet says where each team meets when the region has staging locations. */
class AssignmentCsvStagingTest {

    private static String row(VolunteerAssignment.StagingInfo meetAt) {
        var precinct = new VolunteerAssignment.PrecinctInfo("P1", "Ward 1", null, null, null, meetAt);
        var assignment = new VolunteerAssignment("V1", "Ana", "org-1", "sat-pm",
                LocalDateTime.parse("2026-10-31T13:00"), LocalDateTime.parse("2026-10-31T16:00"), precinct,
                List.of(), 7, "PENDING", null);
        return AssignmentCsv.write(new DailyAssignments("job", null, null, "America/New_York", List.of(assignment),
                Map.of())).split("\r\n", 2)[1].strip();
    }

    @Test
    void theRowEndsWithTheStagingLocationAndTheMeetingTime() {
        assertThat(AssignmentCsv.HEADER).endsWith(",staging_id,staging_name,staging_address,staging_time");
        assertThat(row(new VolunteerAssignment.StagingInfo("S1", "=Office", "12 Wickenden St, Providence", null)))
                .endsWith(",S1,\"'=Office\",\"12 Wickenden St, Providence\",13:00");
    }

    @Test
    void withoutStagingTheCellsAreEmpty() {
        assertThat(row(null)).endsWith(",,,,");
        assertThat(row(null).split(",", -1)).hasSize(AssignmentCsv.HEADER.split(",").length);
    }
}
