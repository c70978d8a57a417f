package org.fieldplan.io;

import java.nio.file.Path;
import java.util.List;

import org.fieldplan.calendar.CampaignCalendar;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.generator.GotvCalendar;

/**
 * A planning problem on real data: precincts from an election GeoJSON file (through a column mapping) and
 * volunteers placed, seeded, at population-weighted census block-group centres, over a campaign calendar (the
 * standard GOTV weekend unless one is given).
 */
public final class RealRegionProblem {

    private RealRegionProblem() {
    }

    /** Over the standard GOTV weekend ({@link GotvCalendar}). */
    public static FieldPlanProblem build(String name, Path precinctGeoJson, PrecinctColumnMapping mapping,
            Path censusCsv, int volunteerCount, long seed) {
        return build(name, precinctGeoJson, mapping, censusCsv, volunteerCount, seed, GotvCalendar.calendar());
    }

    /** Over the calendar's slots and in its time zone; volunteers' availability is drawn over those slots. */
    public static FieldPlanProblem build(String name, Path precinctGeoJson, PrecinctColumnMapping mapping,
            Path censusCsv, int volunteerCount, long seed, CampaignCalendar calendar) {
        PrecinctImport precincts = new PrecinctGeoJsonReader(mapping).read(precinctGeoJson);
        List<TimeSlot> slots = calendar.slots();
        List<Volunteer> volunteers = CensusVolunteerPlacer.fromCsv(censusCsv, slots).place(volunteerCount, seed);
        return new FieldPlanProblem(name, calendar.timeZone().getId(), null, null, List.of(), slots,
                precincts.precincts(), volunteers, null, List.of());
    }
}
