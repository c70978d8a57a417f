package org.fieldplan.api.regions;

import java.util.List;
import java.util.NoSuchElementException;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.problem.CalendarChange.SlotsInUseException;
import org.fieldplan.data.region.RegionSummary;
import org.springframework.stereotype.Service;

/** Stored regions and their calendars, for strategists. */
@Service
public class RegionService {

    private final DataStores stores;
    private final PlanClock clock;

    public RegionService(DataStores stores, PlanClock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public List<RegionSummary> list() {
        return stores.regions().list();
    }

    public CalendarView calendar(String regionId) {
        try {
            return CalendarView.of(regionId, stores.regions().calendar(regionId), List.of());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
    }

    /**
     * Sets the region's calendar from its JSON declaration ({@code docs/calendar-format.md}): 400 naming each bad
     * field (an election day in the past, a zone far from the region's: {@code docs/calendar.md}), 404 for an
     * unknown region, 409 when stored plans use slots the calendar would drop or move. The answer carries the
     * calendar's warnings (a zone an hour or more off the region's solar time).
     */
    public CalendarView setCalendar(String regionId, byte[] json) {
        if (json == null || json.length == 0) {
            throw ApiException.invalid("body", "is empty: send a calendar, e.g. {\"timeZone\": \"America/Chicago\", "
                    + "\"electionDay\": \"2026-11-03\"}");
        }
        CampaignCalendar calendar = CalendarJson.read(json);
        try {
            List<String> warnings = stores.calendarChange().check(regionId, calendar, clock.campaignClock());
            return CalendarView.of(regionId, stores.calendarChange().apply(regionId, calendar), warnings);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        } catch (SlotsInUseException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
