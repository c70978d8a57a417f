package org.fieldplan.data.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * "Now" for a campaign, in the campaign's own zone: a fixed local time when one is set ({@code FIELDPLAN_NOW}, for
 * rehearsals and demos on past dates, and tests), else the clock.
 *
 * @param fixedNow the local time that stands for now in every zone, or null to read the clock
 */
public record CampaignClock(Clock clock, LocalDateTime fixedNow) {

    /** The environment variable that fixes now, e.g. {@code FIELDPLAN_NOW=2026-10-31T08:00}. */
    public static final String ENVIRONMENT_VARIABLE = "FIELDPLAN_NOW";

    public static CampaignClock system() {
        return new CampaignClock(Clock.systemUTC(), null);
    }

    /**
     * The clock of a command-line run: {@code FIELDPLAN_NOW} when set (a local date-time or a date), else the system
     * clock. @throws IllegalArgumentException naming the variable when it cannot be read
     */
    public static CampaignClock fromEnvironment(Map<String, String> environment) {
        String now = environment.get(ENVIRONMENT_VARIABLE);
        if (now == null || now.isBlank()) {
            return system();
        }
        try {
            return new CampaignClock(Clock.systemUTC(), now.strip().length() == 10
                    ? LocalDate.parse(now.strip()).atStartOfDay() : LocalDateTime.parse(now.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " is not a local date-time such as "
                    + "2026-10-31T08:00: \"" + now + "\"");
        }
    }

    public LocalDateTime now(ZoneId zone) {
        return fixedNow != null ? fixedNow : LocalDateTime.now(clock.withZone(zone));
    }

    public LocalDate today(ZoneId zone) {
        return now(zone).toLocalDate();
    }
}
