package org.fieldplan.data.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.fieldplan.domain.TimeSlot;
import org.fieldplan.data.generator.GotvCalendar;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void aCentralTimeCalendarPutsItsSlotsAtChicagoInstantsAcrossTheEndOfDaylightSavingTime() {
        CampaignCalendar calendar = CalendarJson.read("""
                {"timeZone": "America/Chicago", "from": "2026-10-31", "to": "2026-11-03",
                 "slots": [{"days": ["Sat", "SUNDAY"], "times": [{"start": "09:00", "end": "12:00", "name": "am"},
                                                                {"start": "12:00", "end": "15:00", "name": "mid"},
                                                                {"start": "15:00", "end": "18:00", "name": "pm"}]},
                           {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                            "times": [{"start": "17:00", "end": "20:00", "name": "eve"}]}]}
                """.getBytes(StandardCharsets.UTF_8));

        List<TimeSlot> slots = calendar.slots();

        assertThat(slots).extracting(TimeSlot::getId).containsExactly("2026-10-31-am", "2026-10-31-mid",
                "2026-10-31-pm", "2026-11-01-am", "2026-11-01-mid", "2026-11-01-pm", "2026-11-02-eve",
                "2026-11-03-eve");
        // Saturday is still daylight time (UTC−5), Sunday 1 November 02:00 the clocks go back to UTC−6.
        assertThat(instant(calendar, slots.get(0).getStart())).isEqualTo(Instant.parse("2026-10-31T14:00:00Z"));
        assertThat(instant(calendar, slots.get(3).getStart())).isEqualTo(Instant.parse("2026-11-01T15:00:00Z"));
        assertThat(instant(calendar, slots.get(6).getEnd())).isEqualTo(Instant.parse("2026-11-03T02:00:00Z"));
        assertThat(calendar.timeZone()).isEqualTo(CHICAGO);
    }

    @Test
    void theDefaultFromAnElectionDayRunsFromTheSaturdayBeforeWithEveningsOnWeekdaysAndAFullElectionDay() {
        CampaignCalendar calendar = CampaignCalendar.forElection(LocalDate.of(2026, 11, 3), CHICAGO);

        assertThat(calendar.from()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(calendar.slots()).extracting(TimeSlot::getId).containsExactly("2026-10-31-am", "2026-10-31-mid",
                "2026-10-31-pm", "2026-11-01-am", "2026-11-01-mid", "2026-11-01-pm", "2026-11-02-eve",
                "2026-11-03-am", "2026-11-03-mid", "2026-11-03-pm");
        assertThat(calendar.problems()).isEmpty();
    }

    @Test
    void aCalendarGivingOnlyTheElectionDayGetsTheDefault() {
        CampaignCalendar read = CalendarJson.read("""
                {"timeZone": "America/Chicago", "electionDay": "2026-11-03"}""".getBytes(StandardCharsets.UTF_8));

        assertThat(described(read.slots()))
                .isEqualTo(described(CampaignCalendar.forElection(LocalDate.of(2026, 11, 3), CHICAGO).slots()));
        assertThat(read.slots()).extracting(TimeSlot::getStart).isSorted();
    }

    @Test
    void aSeptemberWeekendCanvassWithoutElectionDayHasOnlyItsWeekendSlots() {
        CampaignCalendar calendar = CalendarJson.read("""
                {"timeZone": "America/Denver", "from": "2026-09-11", "to": "2026-09-14",
                 "slots": [{"days": ["SAT", "SUN"], "times": [{"start": "10:00", "end": "13:00"}]}]}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(calendar.slots()).extracting(TimeSlot::getId).containsExactly("2026-09-12-1000",
                "2026-09-13-1000");
        assertThat(calendar.slots().get(0).getDay().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void writingThenReadingGivesTheSameCalendar() {
        CampaignCalendar calendar = CampaignCalendar.forElection(LocalDate.of(2026, 11, 3), CHICAGO);

        CampaignCalendar again = CalendarJson.read(CalendarJson.write(calendar).getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(calendar);
        assertThat(described(again.slots())).isEqualTo(described(calendar.slots()));
    }

    @Test
    void theDocumentedCentralTimeExampleReadsWithItsSchemaReferenceAndGivesElectionDayItsOwnSlots() {
        CampaignCalendar calendar = CalendarJson.read(java.nio.file.Path.of("../docs/calendars/central-gotv-2026.json"));

        List<TimeSlot> slots = calendar.slots();
        assertThat(slots).hasSize(6 + 5 + 6 + 1 + 4);
        assertThat(slots).filteredOn(s -> s.getDay().equals(LocalDate.of(2026, 11, 3))).extracting(TimeSlot::getId)
                .containsExactly("2026-11-03-early", "2026-11-03-am", "2026-11-03-mid", "2026-11-03-late");
        assertThat(instant(calendar, slots.get(slots.size() - 4).getStart()))
                .isEqualTo(Instant.parse("2026-11-03T13:00:00Z"));
    }

    @Test
    void theDemoWeekendIsDeclaredAsAPresetAndKeepsItsSlots() {
        assertThat(GotvCalendar.TIME_ZONE).isEqualTo("America/New_York");
        assertThat(GotvCalendar.calendar().electionDay()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(GotvCalendar.weekendSlots()).extracting(TimeSlot::getId).startsWith("2026-10-31-am",
                "2026-10-31-mid", "2026-10-31-pm").endsWith("2026-11-03-pm");
    }

    /** TimeSlot has identity equality: compare what a slot is. */
    private static List<String> described(List<TimeSlot> slots) {
        return slots.stream().map(s -> s.getId() + " " + s.getStart() + "–" + s.getEnd()).toList();
    }

    private static Instant instant(CampaignCalendar calendar, java.time.LocalDateTime local) {
        return local.atZone(calendar.timeZone()).toInstant();
    }
}
