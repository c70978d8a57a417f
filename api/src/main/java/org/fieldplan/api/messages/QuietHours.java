package org.fieldplan.api.messages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Local hours in which no message leaves (e.g. 21:00–08:00), counted in the region's zone; may span midnight. */
public record QuietHours(LocalTime start, LocalTime end) {

    /** When the quiet hours around {@code now} end, or empty when {@code now} is outside them. */
    public Optional<Instant> deferUntil(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDateTime until = local.toLocalDate().atTime(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return Optional.of(ZonedDateTime.of(until, zone).toInstant());
    }
}
