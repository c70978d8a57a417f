package org.fieldplan.data.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.Precinct;
import org.fieldplan.testing.Fixtures;
import org.fieldplan.validation.ValidationError;
import org.junit.jupiter.api.Test;

class CalendarChecksTest {

    private static final LocalDate ELECTION = LocalDate.of(2026, 11, 3);
    /** Hartford, Connecticut: solar time UTC−4.85. */
    private static final List<Precinct> CONNECTICUT = List.of(
            Fixtures.precinct("CT-1", -72.68, 41.76, 0.5, Set.of(), 100),
            Fixtures.precinct("CT-2", -72.70, 41.78, 0.5, Set.of(), 100));

    @Test
    void anElectionDayBeforeTodayIsAnErrorOfElectionDayAndWithoutOneALastDayBeforeToday() {
        CampaignCalendar calendar = CampaignCalendar.forElection(ELECTION, ZoneId.of("America/New_York"));

        assertThat(CalendarChecks.inThePast(calendar, LocalDate.of(2026, 11, 3))).isEmpty();
        assertThat(CalendarChecks.inThePast(calendar, LocalDate.of(2026, 11, 4))).singleElement()
                .extracting(ValidationError::path).isEqualTo("electionDay");
        CampaignCalendar noElectionDay = CalendarJson.read("""
                {"timeZone": "America/New_York", "from": "2020-10-31", "to": "2020-11-03"}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(CalendarChecks.inThePast(noElectionDay, LocalDate.of(2026, 1, 1))).singleElement()
                .satisfies(e -> assertThat(e.toString()).startsWith("to: the calendar's last day 2020-11-03 is in "
                        + "the past (today is 2026-01-01 in America/New_York)"));
    }

    @Test
    void theZoneIsComparedWithTheRegionsSolarTime() {
        assertThat(fit("America/New_York").errors()).isEmpty();
        assertThat(fit("America/New_York").warnings()).isEmpty();
        // Central time for Connecticut: 1.15 hours off, a warning.
        assertThat(fit("America/Chicago").errors()).isEmpty();
        assertThat(fit("America/Chicago").warnings()).singleElement().asString()
                .startsWith("CHECK THE TIME ZONE: time zone America/Chicago (standard time UTC-06:00) is 1.2 hours "
                        + "from the region's solar time (UTC-4.8 at longitude -72.69");
        // Pacific time or a European zone: refused, naming the field.
        assertThat(fit("America/Los_Angeles").errors()).singleElement().extracting(ValidationError::path)
                .isEqualTo("timeZone");
        assertThat(fit("Europe/London").errors()).singleElement().asString()
                .contains("standard time UTC+00:00").contains("cannot be the region's zone");
        // Across the date line: Guam (UTC+10) at 144.8° E fits.
        assertThat(CalendarChecks.zoneFit(ZoneId.of("Pacific/Guam"), ELECTION,
                List.of(Fixtures.precinct("GU-1", 144.8, 13.45, 0.5, Set.of(), 100))).warnings()).isEmpty();
        assertThat(CalendarChecks.zoneFit(ZoneId.of("America/Chicago"), ELECTION, List.of()).warnings()).isEmpty();
    }

    @Test
    void fieldplanNowFixesTheClockOfACommandLineRun() {
        CampaignClock clock = CampaignClock.fromEnvironment(Map.of("FIELDPLAN_NOW", "2026-10-31T08:00"));
        assertThat(clock.today(ZoneId.of("Pacific/Honolulu"))).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(CampaignClock.fromEnvironment(Map.of("FIELDPLAN_NOW", "2026-10-31")).fixedNow())
                .hasToString("2026-10-31T00:00");
        assertThat(CampaignClock.fromEnvironment(Map.of()).fixedNow()).isNull();
    }

    private static CalendarChecks.Verdict fit(String zone) {
        return CalendarChecks.zoneFit(ZoneId.of(zone), ELECTION, CONNECTICUT);
    }
}
