package org.fieldplan.data.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.calendar.CalendarChecks;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.StoreException;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.GotvCalendar;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.ImportReport.Outcome;
import org.fieldplan.data.mapping.JoinTable;
import org.fieldplan.data.mapping.MappedPrecinctReader;
import org.fieldplan.data.mapping.PrecinctMapping;

/**
 * Imports a precinct file of any vector format and reference system as a new region, through a declared
 * {@link PrecinctMapping}: the file is converted to WGS84 GeoJSON by GDAL ({@link VectorFileConverter}), read and
 * checked by {@link MappedPrecinctReader}, and stored all or nothing. Every outcome is an {@link ImportReport}:
 * rejected (nothing stored), dry run (nothing stored) or stored. Each precinct keeps its feature's properties as
 * its raw election attributes.
 *
 * <p>The region gets the standard GOTV weekend's time slots ({@link GotvCalendar}) and no volunteers yet: they come
 * from {@link VolunteerCsvImporter} or with a whole generated or real region ({@link SampleRegions}).
 */
public final class PrecinctImporter {

    private final RegionStore regions;

    public PrecinctImporter(RegionStore regions) {
        this.regions = regions;
    }

    /**
     * Imports {@code file} (zipped shapefile, GeoJSON, GeoPackage, CSV with WKT or lon/lat …) as region
     * {@code regionId}.
     *
     * @return the report; {@link ImportReport#accepted()} is false when the file was rejected and nothing stored
     * @throws StoreException when the store refuses the region (e.g. the id is taken); nothing is stored then
     */
    public ImportReport importFile(String regionId, Path file, PrecinctMapping mapping, ImportOptions options) {
        return importFile(regionId, file, mapping, options, null);
    }

    /**
     * Imports as {@link #importFile(String, Path, PrecinctMapping, ImportOptions)}, the region in the zone and slots
     * of {@code calendar} (null: the standard GOTV weekend): a zone far from the precincts' solar time is a warning
     * of the report, or rejects it when grossly wrong ({@link CalendarChecks#zoneFit}). The caller stores the
     * calendar's declaration and checks its dates.
     */
    public ImportReport importFile(String regionId, Path file, PrecinctMapping mapping, ImportOptions options,
            CampaignCalendar calendar) {
        MappedPrecinctReader.Result read = read(file, options.joinFile(), mapping, options.skipBadRows());
        ImportReport report = read.report();
        if (!report.accepted()) {
            return report;
        }
        if (calendar != null) {
            CalendarChecks.Verdict zone = CalendarChecks.zoneFit(calendar.timeZone(), calendar.from(),
                    report.precincts());
            if (!zone.errors().isEmpty()) {
                return report.rejectedFor(zone.errors().stream().map(e -> "calendar." + e).toList());
            }
            report = report.withWarnings(zone.warnings());
        }
        if (options.dryRun()) {
            return report.withOutcome(Outcome.DRY_RUN);
        }
        String name = options.regionName() != null ? options.regionName() : "Precincts of " + file.getFileName();
        FieldPlanProblem region = new FieldPlanProblem(name,
                calendar == null ? GotvCalendar.TIME_ZONE : calendar.timeZone().getId(), null, null, List.of(),
                calendar == null ? GotvCalendar.weekendSlots() : calendar.slots(), report.precincts(), List.of(),
                null, List.of());
        regions.save(regionId, region, read.attributes());
        return report.withOutcome(Outcome.STORED);
    }

    /**
     * Converts and reads {@code file} without storing it (the first half of every precinct import), compressed
     * files inflating within the default {@link ArchiveLimits}; a file GDAL cannot read gives a rejected report.
     */
    public static MappedPrecinctReader.Result read(Path file, PrecinctMapping mapping, boolean skipBadRows) {
        return read(file, null, mapping, skipBadRows);
    }

    /**
     * As {@link #read(Path, PrecinctMapping, boolean)}, joining the rows of {@code joinFile} (any table GDAL reads)
     * as the mapping's {@code join} declares.
     *
     * @param joinFile the table to join, or null when the mapping declares no join
     */
    public static MappedPrecinctReader.Result read(Path file, Path joinFile, PrecinctMapping mapping,
            boolean skipBadRows) {
        return read(file, file.toString(), joinFile, mapping, skipBadRows, ArchiveLimits.DEFAULT);
    }

    /**
     * As {@link #read(Path, Path, PrecinctMapping, boolean)}, naming the file {@code displayName} in the report (an
     * upload's own name rather than the server's copy) and inflating within {@code limits}; the joined table is
     * named by its file name.
     */
    public static MappedPrecinctReader.Result read(Path file, String displayName, Path joinFile,
            PrecinctMapping mapping, boolean skipBadRows, ArchiveLimits limits) {
        try (TemporaryDirectory work = TemporaryDirectory.create("fieldplan-import")) {
            Path geoJson;
            JoinTable table = null;
            try {
                geoJson = VectorFileConverter.toWgs84GeoJson(file, displayName, mapping.sourceCrs(), mapping.layer(),
                        work.path(), limits);
                if (joinFile != null && mapping.join() != null) {
                    String tableName = joinFile.getFileName().toString();
                    table = JoinTable.fromGeoJson(VectorFileConverter.tableToGeoJson(joinFile, tableName,
                            mapping.join().layer(), work.path(), limits), tableName);
                }
            } catch (VectorFileConverter.UnreadableFileException | StoreException | IllegalArgumentException e) {
                return new MappedPrecinctReader.Result(unreadable(displayName, e.getMessage()), Map.of());
            }
            return new MappedPrecinctReader(mapping, skipBadRows).read(geoJson, displayName, table);
        }
    }

    private static ImportReport unreadable(String source, String reason) {
        return new ImportReport(source, Outcome.REJECTED, 0, List.of(), List.of(reason), List.of(), false,
                List.of(), List.of(), List.of(), null, List.of(), List.of());
    }
}
