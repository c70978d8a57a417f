package org.fieldplan.api.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sheet is safe to open in a spreadsheet: no cell a user wrote can start a formula (OWASP CSV injection). */
class AssignmentCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-2+3", "@cmd", "\tTAB", "\rCR"})
    void aCellStartingAFormulaIsPrefixedAndQuoted(String hostile) {
        String csv = AssignmentCsv.write(sheet(hostile));

        String row = csv.split("\r\n", 2)[1];
        String expected = "\"'" + hostile.replace("\"", "\"\"") + "\"";
        assertThat(row).startsWith("V1," + expected + ",org-1,sat-am,");
        // The buddies cell starts with the buddy's id, so it needs no prefix.
        assertThat(row).contains("V2 " + hostile.charAt(0)).doesNotContain("'V2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana", "Zoë O'Neil", "a=b", "3 + 4"})
    void ordinaryNamesAreWrittenAsTheyAre(String name) {
        String row = AssignmentCsv.write(sheet(name)).split("\r\n", 2)[1];

        assertThat(row).startsWith("V1," + name + ",org-1,");
    }

    private static DailyAssignments sheet(String name) {
        var precinct = new VolunteerAssignment.PrecinctInfo("P1", "Ward 1", null, null, null);
        var assignment = new VolunteerAssignment("V1", name, "org-1", "sat-am",
                LocalDateTime.parse("2026-10-31T09:00"), LocalDateTime.parse("2026-10-31T12:00"), precinct,
                List.of(new VolunteerAssignment.Buddy("V2", name)), 7, "PENDING", null);
        return new DailyAssignments("job", null, null, "America/New_York", List.of(assignment), Map.of());
    }
}
