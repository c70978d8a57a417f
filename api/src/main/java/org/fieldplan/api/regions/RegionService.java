package org.fieldplan.api.regions;

import java.util.List;
import java.util.NoSuchElementException;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.calendar.CalendarJson;
import org.fieldplan.calendar.CampaignCalendar;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.problem.CalendarChange.SlotsInUseException;
import org.fieldplan.data.region.RegionSummary;
import org.springframework.stereotype.Service;

/** Stored regions and their calendars, for strategists. */
@Service
public class RegionService {

    private final DataStores stores;

    public RegionService(DataStores stores) {
        this.stores = stores;
    }

    public List<RegionSummary> list() {
        return stores.regions().list();
    }

    public CalendarView calendar(String regionId) {
        try {
            return CalendarView.of(regionId, stores.regions().calendar(regionId));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
    }

    /**
     * Sets the region's calendar from its JSON declaration ({@code docs/calendar-format.md}): 400 naming each bad
     * field, 404 for an unknown region, 409 when stored plans use slots the calendar would drop or move.
     */
    public CalendarView setCalendar(String regionId, byte[] json) {
        if (json == null || json.length == 0) {
            throw ApiException.invalid("body", "is empty: send a calendar, e.g. {\"timeZone\": \"America/Chicago\", "
                    + "\"electionDay\": \"2026-11-03\"}");
        }
        CampaignCalendar calendar = CalendarJson.read(json);
        try {
            return CalendarView.of(regionId, stores.calendarChange().apply(regionId, calendar));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        } catch (SlotsInUseException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
