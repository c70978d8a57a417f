package org.fieldplan.api.config;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.fieldplan.data.calendar.CampaignClock;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.TimeSlot;
import org.springframework.stereotype.Component;

/**
 * "Now" in a plan's own time zone: the configured {@code fieldplan.now} when set (rehearsals on past dates), else the
 * service clock. Shifts that start at or before it have started: re-planning pins them and nobody is sent there.
 */
@Component
public class PlanClock {

    private final Clock clock;
    private final LocalDateTime fixedNow;

    public PlanClock(Clock clock, FieldPlanProperties properties) {
        this.clock = clock;
        this.fixedNow = properties.now();
    }

    public LocalDateTime now(FieldPlan plan) {
        return fixedNow != null ? fixedNow : LocalDateTime.now(clock.withZone(ZoneId.of(plan.getTimeZone())));
    }

    /** The same "now" for checks of calendars (an election day in the past is refused). */
    public CampaignClock campaignClock() {
        return new CampaignClock(clock, fixedNow);
    }

    public static boolean hasStarted(TimeSlot slot, LocalDateTime now) {
        return !slot.getStart().isAfter(now);
    }
}
