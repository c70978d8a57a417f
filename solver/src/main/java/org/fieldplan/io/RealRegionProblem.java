package org.fieldplan.io;

import java.nio.file.Path;
import java.util.List;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.generator.GotvCalendar;
import org.fieldplan.mapping.ImportReport;
import org.fieldplan.mapping.MappedPrecinctReader;
import org.fieldplan.mapping.PrecinctMapping;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;

/**
 * A planning problem on real data: precincts from an election GeoJSON file (through a mapping) and volunteers
 * placed, seeded, at population-weighted census block-group centres, over the standard GOTV weekend.
 */
public final class RealRegionProblem {

    private RealRegionProblem() {
    }

    /**
     * Reads the precincts strictly (any bad feature rejects the file) and places the volunteers.
     *
     * @throws ProblemValidationException listing every error of the import report, one per finding
     */
    public static FieldPlanProblem build(String name, Path precinctGeoJson, PrecinctMapping mapping,
            Path censusCsv, int volunteerCount, long seed) {
        return build(name, precincts(precinctGeoJson, mapping).precincts(), censusCsv, volunteerCount, seed);
    }

    /** Places the volunteers around precincts already read (e.g. by the data module's importer from any format). */
    public static FieldPlanProblem build(String name, List<Precinct> precincts, Path censusCsv, int volunteerCount,
            long seed) {
        List<TimeSlot> slots = GotvCalendar.weekendSlots();
        List<Volunteer> volunteers = CensusVolunteerPlacer.fromCsv(censusCsv, slots).place(volunteerCount, seed);
        return new FieldPlanProblem(name, GotvCalendar.TIME_ZONE, null, null, List.of(), slots, precincts,
                volunteers, null, List.of());
    }

    /**
     * The accepted import of a GeoJSON file.
     *
     * @throws ProblemValidationException when the report rejects it, one error per finding
     */
    public static ImportReport precincts(Path precinctGeoJson, PrecinctMapping mapping) {
        ImportReport report = new MappedPrecinctReader(mapping, false).read(precinctGeoJson, precinctGeoJson.toString())
                .report();
        if (!report.accepted()) {
            throw new ProblemValidationException(report.errorLines().stream()
                    .map(line -> new ValidationError(precinctGeoJson.toString(), line)).toList());
        }
        return report;
    }
}
