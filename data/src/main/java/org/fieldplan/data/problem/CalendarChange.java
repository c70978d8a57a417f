package org.fieldplan.data.problem;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.data.calendar.CalendarChecks;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.calendar.CampaignClock;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.plan.PlanStore;
import org.fieldplan.data.plan.PlanSummary;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.validation.ProblemValidationException;

/**
 * Sets a stored region's campaign calendar (after import, or again later) without losing anything stored: a plan's
 * assignment in a slot that the new calendar drops or moves to other times would no longer mean what it meant, so
 * such a change is refused naming the plans and slots, and nothing changes.
 */
public final class CalendarChange {

    private final RegionStore regions;
    private final PlanStore plans;

    public CalendarChange(RegionStore regions, PlanStore plans) {
        this.regions = regions;
        this.plans = plans;
    }

    /**
     * Checks a calendar for this region before it is set ({@link CalendarChecks}: an election day in the past, a zone
     * far from the precincts' solar time) and returns its warnings.
     *
     * @throws NoSuchElementException when the region is unknown
     * @throws ProblemValidationException naming the calendar's field when it is refused
     */
    public List<String> check(String regionId, CampaignCalendar calendar, CampaignClock clock) {
        regions.calendar(regionId);
        var precincts = regions.load(ProblemQuery.of(regionId, calendar.from(), calendar.from())).precincts();
        CalendarChecks.Verdict verdict = CalendarChecks.check(calendar, clock.today(calendar.timeZone()), precincts);
        if (!verdict.errors().isEmpty()) {
            throw new ProblemValidationException(verdict.errors());
        }
        return verdict.warnings();
    }

    /**
     * Replaces the region's calendar and returns it as stored.
     *
     * @throws NoSuchElementException when the region is unknown
     * @throws SlotsInUseException when a stored plan assigns volunteers in a slot that would be dropped or moved
     */
    public RegionCalendar apply(String regionId, CampaignCalendar calendar) {
        RegionCalendar current = regions.calendar(regionId);
        Map<String, TimeSlot> next = calendar.slots().stream()
                .collect(Collectors.toMap(TimeSlot::getId, Function.identity()));
        Set<String> changed = current.slots().stream().filter(slot -> !sameTimes(slot, next.get(slot.getId())))
                .map(TimeSlot::getId).collect(Collectors.toSet());
        if (!changed.isEmpty()) {
            Set<String> uses = new LinkedHashSet<>();
            for (PlanSummary plan : plans.list(regionId)) {
                plans.load(plan.id()).ifPresent(stored -> stored.solverAssignments().stream()
                        .map(Assignment::slotId).filter(changed::contains).distinct().sorted()
                        .forEach(slot -> uses.add("plan " + plan.id() + " assigns volunteers in " + slot)));
            }
            if (!uses.isEmpty()) {
                throw new SlotsInUseException(regionId, List.copyOf(uses));
            }
        }
        regions.replaceCalendar(regionId, calendar);
        return regions.calendar(regionId);
    }

    private static boolean sameTimes(TimeSlot slot, TimeSlot other) {
        return other != null && slot.getStart().equals(other.getStart()) && slot.getEnd().equals(other.getEnd());
    }

    /** A calendar change refused because stored plans use slots it would drop or move. */
    public static final class SlotsInUseException extends StoreException {

        private final List<String> uses;

        SlotsInUseException(String regionId, List<String> uses) {
            super("the calendar of region " + regionId + " would drop or move slots that stored plans use ("
                    + String.join("; ", uses.subList(0, Math.min(5, uses.size())))
                    + (uses.size() > 5 ? "; … " + (uses.size() - 5) + " more" : "")
                    + "): keep those slots with their times, or import the region again under a new id");
            this.uses = uses;
        }

        /** Each plan and slot that blocks the change, e.g. {@code plan 3 assigns volunteers in 2026-10-31-am}. */
        public List<String> uses() {
            return uses;
        }
    }
}
