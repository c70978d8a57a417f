package org.fieldplan.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void aMessageAtNightInTheRegionsZoneWaitsUntilMorningThere() {
        // 02:30 UTC on 1 November is 22:30 on 31 October in New York (EDT); the clocks go back that night, so
        // 08:00 the next morning is EST: 13:00 UTC.
        assertThat(NIGHT.deferUntil(Instant.parse("2026-11-01T02:30:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-11-01T13:00:00Z"));
        // Before dawn the same night: 06:00 EST waits until 08:00 EST.
        assertThat(NIGHT.deferUntil(Instant.parse("2026-11-01T11:00:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void daytimeAndEqualBoundsSendAtOnce() {
        assertThat(NIGHT.deferUntil(Instant.parse("2026-10-31T14:00:00Z"), NEW_YORK)).isEmpty();
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .deferUntil(Instant.parse("2026-11-01T02:30:00Z"), NEW_YORK)).isEmpty();
        // A window within one day (13:00-14:00) defers only inside it.
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(lunch.deferUntil(Instant.parse("2026-10-31T17:30:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-10-31T18:00:00Z"));
        assertThat(lunch.deferUntil(Instant.parse("2026-10-31T18:00:00Z"), NEW_YORK)).isEmpty();
    }
}
