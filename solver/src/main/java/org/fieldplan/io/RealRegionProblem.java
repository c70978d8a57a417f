package org.fieldplan.io;

import java.nio.file.Path;
import java.util.List;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.generator.GotvCalendar;

/**
 * A planning problem on real data: precincts from an election GeoJSON file (through a column mapping) and
 * volunteers placed, seeded, at population-weighted census block-group centres, over the standard GOTV weekend.
 */
public final class RealRegionProblem {

    private RealRegionProblem() {
    }

    public static FieldPlanProblem build(String name, Path precinctGeoJson, PrecinctColumnMapping mapping,
            Path censusCsv, int volunteerCount, long seed) {
        PrecinctImport precincts = new PrecinctGeoJsonReader(mapping).read(precinctGeoJson);
        List<TimeSlot> slots = GotvCalendar.weekendSlots();
        List<Volunteer> volunteers = CensusVolunteerPlacer.fromCsv(censusCsv, slots).place(volunteerCount, seed);
        return new FieldPlanProblem(name, GotvCalendar.TIME_ZONE, null, null, List.of(), slots,
                precincts.precincts(), volunteers, null, List.of());
    }
}
