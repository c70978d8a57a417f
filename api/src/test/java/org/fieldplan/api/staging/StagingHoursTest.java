package org.fieldplan.api.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Closing a staging location for a slot cuts exactly that slot out of its hours and leaves it open otherwise. */
class StagingHoursTest {

    private static final LocalDate SAT = LocalDate.of(2026, 10, 31);
    private static final LocalDate SUN = SAT.plusDays(1);
    private static final TimeSlot AM = new TimeSlot("sat-am", SAT.atTime(9, 0), SAT.atTime(12, 0));
    private static final TimeSlot PM = new TimeSlot("sat-pm", SAT.atTime(13, 0), SAT.atTime(16, 0));
    private static final TimeSlot SUN_PM = new TimeSlot("sun-pm", SUN.atTime(13, 0), SUN.atTime(16, 0));

    private static StagingLocation office(List<OpeningHours> hours) {
        return new StagingLocation("S1", "Office", null,
                new GeometryFactory().createPoint(new Coordinate(-71.4, 41.82)), hours, 3);
    }

    @Test
    void statedHoursLoseTheSlotAndKeepTheRestOfTheDay() {
        StagingLocation closed = StagingHours.closedDuring(office(List.of(
                new OpeningHours(SAT, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                new OpeningHours(SUN, LocalTime.of(8, 0), LocalTime.of(18, 0)))), PM, List.of(SAT, SUN));

        assertThat(closed.hours()).containsExactly(
                new OpeningHours(SAT, LocalTime.of(8, 0), LocalTime.of(13, 0)),
                new OpeningHours(SAT, LocalTime.of(16, 0), LocalTime.of(18, 0)),
                new OpeningHours(SUN, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(closed.isOpenDuring(PM)).isFalse();
        assertThat(closed.isOpenDuring(AM)).isTrue();
        assertThat(closed.isOpenDuring(SUN_PM)).isTrue();
    }

    @Test
    void aLocationWithoutHoursIsOpenEveryDayButTheSlot() {
        StagingLocation closed = StagingHours.closedDuring(office(List.of()), PM, List.of(SUN, SAT, SAT));

        assertThat(closed.isOpenDuring(PM)).isFalse();
        assertThat(closed.isOpenDuring(AM)).isTrue();
        assertThat(closed.isOpenDuring(SUN_PM)).isTrue();
        assertThat(closed.teamsPerSlot()).isEqualTo(3);
    }

    @Test
    void hoursThatWereJustTheSlotLeaveTheLocationClosedNotAlwaysOpen() {
        StagingLocation closed = StagingHours.closedDuring(office(List.of(
                new OpeningHours(SAT, LocalTime.of(13, 0), LocalTime.of(16, 0)))), PM, List.of(SAT));

        assertThat(closed.hours()).isNotEmpty();
        assertThat(closed.isOpenDuring(PM)).isFalse();
        assertThat(closed.isOpenDuring(new TimeSlot("x", LocalDateTime.of(2026, 10, 31, 13, 0),
                LocalDateTime.of(2026, 10, 31, 13, 30)))).as("not for a half-hour slot either").isFalse();
    }
}
