package org.fieldplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AvailabilityWindowTest {

    private static final LocalDateTime SAT = LocalDateTime.of(2026, 10, 31, 0, 0);
    private static final TimeSlot AM = new TimeSlot("am", SAT.withHour(9), SAT.withHour(12));
    private static final TimeSlot MID = new TimeSlot("mid", SAT.withHour(12), SAT.withHour(15));
    private static final TimeSlot PM = new TimeSlot("pm", SAT.withHour(15), SAT.withHour(18));

    @Test
    void aSlotTakenOutOfAWindowLeavesTheTimeBeforeAndAfterIt() {
        AvailabilityWindow day = new AvailabilityWindow(SAT.withHour(8), SAT.withHour(20));

        assertThat(day.without(MID)).containsExactly(new AvailabilityWindow(SAT.withHour(8), SAT.withHour(12)),
                new AvailabilityWindow(SAT.withHour(15), SAT.withHour(20)));
        assertThat(new AvailabilityWindow(SAT.withHour(9), SAT.withHour(12)).without(AM)).isEmpty();
        assertThat(new AvailabilityWindow(SAT.withHour(9), SAT.withHour(13)).without(AM))
                .containsExactly(new AvailabilityWindow(SAT.withHour(12), SAT.withHour(13)));
        // A window that does not cover the slot is not the one that offered it.
        AvailabilityWindow morning = new AvailabilityWindow(SAT.withHour(9), SAT.withHour(11));
        assertThat(morning.without(AM)).containsExactly(morning);
    }

    @Test
    void aVolunteerWithoutCancelledSlotsStillOffersTheNeighbouringOnes() {
        Volunteer volunteer = new Volunteer("V1", "Ann", null, Set.of(), Set.of(), TravelMode.CAR, 30,
                List.of(new AvailabilityWindow(SAT.withHour(9), SAT.withHour(18))), 3, 3, "org-1", 0.8, null);

        Volunteer cancelled = volunteer.withoutSlots(List.of(MID));

        assertThat(cancelled.isAvailableFor(AM)).isTrue();
        assertThat(cancelled.isAvailableFor(MID)).isFalse();
        assertThat(cancelled.isAvailableFor(PM)).isTrue();
        assertThat(cancelled.withoutSlots(List.of(AM, PM)).getAvailability()).isEmpty();
        assertThat(cancelled.getAttendanceProbability()).isEqualTo(0.8);
    }
}
