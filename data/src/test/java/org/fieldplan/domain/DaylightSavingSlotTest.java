package org.fieldplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Slot lengths are real elapsed hours in the problem's zone, across daylight-saving changes too. */
class DaylightSavingSlotTest {

    @Test
    void aCalendarSlotAcrossTheFallBackChangeLastsThreeRealHours() {
        CampaignCalendar calendar = CalendarJson.read("""
                {"timeZone": "America/New_York", "from": "2026-11-01", "to": "2026-11-01",
                 "slots": [{"times": [{"start": "01:00", "end": "03:00", "name": "night"},
                                      {"start": "09:00", "end": "12:00", "name": "am"}]}]}
                """.getBytes(StandardCharsets.UTF_8));

        List<TimeSlot> slots = calendar.slots();

        // 01:00 EDT to 03:00 EST: the hour from 01:00 to 02:00 happens twice.
        assertThat(slots.get(0).getHours()).isEqualTo(3.0);
        assertThat(slots.get(1).getHours()).isEqualTo(3.0);
    }

    @Test
    void aStatedProblemCountsItsSlotsInItsOwnZoneSoAShiftKnocksThreeHoursOfDoors() {
        TimeSlot fallBack = new TimeSlot("2026-11-01-night", LocalDateTime.parse("2026-11-01T01:00"),
                LocalDateTime.parse("2026-11-01T03:00"));
        TimeSlot springForward = new TimeSlot("2026-03-08-night", LocalDateTime.parse("2026-03-08T01:00"),
                LocalDateTime.parse("2026-03-08T04:00"));
        Precinct precinct = Fixtures.precinct("P1", 0.6, java.util.Set.of());

        FieldPlanProblem problem = new FieldPlanProblem("dst", "America/New_York", null, null, List.of(),
                List.of(fallBack, springForward), List.of(precinct), List.of(), null, List.of());

        assertThat(problem.timeSlots().get(0).getHours()).isEqualTo(3.0);
        assertThat(problem.timeSlots().get(1).getHours()).isEqualTo(2.0);
        // Tying slots to the zone again keeps them (shifts and changes refer to these very objects).
        FieldPlanProblem again = problem.withAssignments(List.of());
        assertThat(again.timeSlots().get(0)).isSameAs(problem.timeSlots().get(0));
    }
}
