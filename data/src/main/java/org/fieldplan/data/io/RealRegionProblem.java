package org.fieldplan.data.io;

import java.nio.file.Path;
import java.util.List;

import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.GotvCalendar;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.MappedPrecinctReader;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.validation.ProblemValidationException;
import org.fieldplan.validation.ValidationError;

/**
 * A planning problem on real data: precincts from an election GeoJSON file (through a mapping) and volunteers
 * placed, seeded, at population-weighted census block-group centres, over a campaign calendar (the standard GOTV
 * weekend unless one is given).
 */
public final class RealRegionProblem {

    private RealRegionProblem() {
    }

    /**
     * Reads the precincts strictly (any bad feature rejects the file) and places the volunteers, over the standard
     * GOTV weekend.
     *
     * @throws ProblemValidationException listing every error of the import report, one per finding
     */
    public static FieldPlanProblem build(String name, Path precinctGeoJson, PrecinctMapping mapping,
            Path censusCsv, int volunteerCount, long seed) {
        return build(name, precincts(precinctGeoJson, mapping).precincts(), censusCsv, volunteerCount, seed,
                GotvCalendar.calendar());
    }

    /** Places the volunteers around precincts already read, over the standard GOTV weekend. */
    public static FieldPlanProblem build(String name, List<Precinct> precincts, Path censusCsv, int volunteerCount,
            long seed) {
        return build(name, precincts, censusCsv, volunteerCount, seed, GotvCalendar.calendar());
    }

    /**
     * Places the volunteers around precincts already read (e.g. by the data module's importer from any format), over
     * the calendar's slots and in its time zone: volunteers' availability is drawn over those slots.
     */
    public static FieldPlanProblem build(String name, List<Precinct> precincts, Path censusCsv, int volunteerCount,
            long seed, CampaignCalendar calendar) {
        List<TimeSlot> slots = calendar.slots();
        List<Volunteer> volunteers = CensusVolunteerPlacer.fromCsv(censusCsv, slots).place(volunteerCount, seed);
        return new FieldPlanProblem(name, calendar.timeZone().getId(), null, null, List.of(), slots, precincts,
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
