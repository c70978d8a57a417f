package org.fieldplan.api.regions;

import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.region.RegionSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Strategists' stored regions: the list, and each region's campaign calendar (read, set). */
@RestController
@RequestMapping("/api/regions")
public class RegionController {

    private final RegionService regions;

    public RegionController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public List<RegionSummary> list() {
        return regions.list();
    }

    @GetMapping("/{regionId}/calendar")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public CalendarView calendar(@PathVariable String regionId) {
        return regions.calendar(regionId);
    }

    /** Body: a calendar ({@code docs/calendar-format.md}). */
    @PutMapping(path = "/{regionId}/calendar", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public CalendarView setCalendar(@PathVariable String regionId,
            @RequestBody(required = false) byte[] calendar) {
        return regions.setCalendar(regionId, calendar);
    }
}
