package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.domain.TimeSlot;
import org.junit.jupiter.api.Test;

class GotvCalendarTest {

    @Test
    void theWeekendHasThreeSlotsADayFromSaturdayToElectionDay() {
        List<TimeSlot> slots = GotvCalendar.weekendSlots();

        assertThat(slots).hasSize(12);
        assertThat(slots.get(0).getId()).isEqualTo("2026-10-31-am");
        assertThat(slots.get(0).getStart()).isEqualTo(LocalDateTime.of(2026, 10, 31, 9, 0));
        assertThat(slots.get(11).getId()).isEqualTo("2026-11-03-pm");
        assertThat(slots.get(11).getEnd()).isEqualTo(LocalDateTime.of(2026, 11, 3, 20, 0));
        assertThat(slots).extracting(TimeSlot::getStart).isSorted();
    }
}
