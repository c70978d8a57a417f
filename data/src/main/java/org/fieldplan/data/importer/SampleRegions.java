package org.fieldplan.data.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldplan.data.calendar.CalendarChecks;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.GotvCalendar;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.data.io.CensusVolunteerPlacer;
import org.fieldplan.data.io.RealRegionProblem;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.LocationChecks;
import org.fieldplan.data.mapping.MappedPrecinctReader;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.locationtech.jts.geom.Point;

/**
 * Whole regions for demos, tests and benchmarks, stored in one go: a synthetic one from the solver's
 * {@link RegionGenerator}, or real precincts with volunteers placed from census population
 * ({@link RealRegionProblem}).
 */
public final class SampleRegions {

    private final RegionStore regions;

    public SampleRegions(RegionStore regions) {
        this.regions = regions;
    }

    /** Generates the preset region of the given size and seed and stores it as {@code regionId}. */
    public FieldPlanProblem generated(String regionId, RegionSize size, long seed) {
        FieldPlanProblem region = new RegionGenerator().generate(size, seed);
        regions.save(regionId, region);
        return region;
    }

    /**
     * Stores real precincts (any format {@link PrecinctImporter} reads, strictly) with {@code volunteerCount}
     * volunteers placed at census block-group centres (seeded) as {@code regionId}; precincts keep their features'
     * properties as raw election attributes.
     *
     * @param calendar the campaign calendar (its slots and time zone, volunteers' availability drawn over them), or
     *     null for the standard GOTV weekend
     * @throws ImportRejectedException when the precinct file is rejected, one row error per finding
     */
    public FieldPlanProblem real(String regionId, Path precinctFile, PrecinctMapping mapping, Path censusCsv,
            int volunteerCount, long seed, CampaignCalendar calendar) {
        return realWithReport(regionId, precinctFile, null, mapping, censusCsv, volunteerCount, seed, calendar,
                false).region();
    }

    /** A stored real region and the import report of its precincts (proxies, capped turnout, repairs …). */
    public record RealRegion(FieldPlanProblem region, ImportReport report) {
    }

    /**
     * As {@link #real}, with the precinct import's report.
     *
     * @param joinFile the table the mapping's {@code join} joins to the precincts (e.g. election results), or null
     * @param skipBadRows leave unusable features out (listed in the report) instead of rejecting the file
     */
    public RealRegion realWithReport(String regionId, Path precinctFile, Path joinFile, PrecinctMapping mapping,
            Path censusCsv, int volunteerCount, long seed, CampaignCalendar calendar, boolean skipBadRows) {
        MappedPrecinctReader.Result read = PrecinctImporter.read(precinctFile, joinFile, mapping, skipBadRows);
        ImportReport report = read.report();
        if (report.accepted() && calendar != null) {
            CalendarChecks.Verdict zone = CalendarChecks.zoneFit(calendar.timeZone(), calendar.from(),
                    report.precincts());
            report = zone.errors().isEmpty() ? report.withWarnings(zone.warnings())
                    : report.rejectedFor(zone.errors().stream().map(e -> "calendar." + e).toList());
        }
        if (!report.accepted()) {
            throw new ImportRejectedException(precinctFile.toString(), RowError.of(report));
        }
        FieldPlanProblem region = RealRegionProblem.build("Real region " + regionId, report.precincts(), censusCsv,
                volunteerCount, seed, calendar == null ? GotvCalendar.calendar() : calendar);
        List<Point> homes = region.volunteers().stream().map(Volunteer::getHome).toList();
        LocationChecks.mostlyFarFrom(report.precincts(), homes).ifPresent(error -> {
            throw new ImportRejectedException(precinctFile.toString(), List.of(new RowError(RowError.WHOLE_FILE,
                    error)));
        });
        regions.save(regionId, region, read.attributes());
        if (calendar != null) {
            // Records the declaration beside the slots it was expanded to (a region without plans takes any).
            regions.replaceCalendar(regionId, calendar);
        }
        return new RealRegion(region, report.withOutcome(ImportReport.Outcome.STORED)
                .withWarnings(LocationChecks.farFromVolunteers(report.precincts(), homes)));
    }

    /**
     * Adds {@code count} volunteers placed at population-weighted census block-group centres (any state's Census
     * Bureau centres-of-population file) to a stored region, their availability drawn over the region's own calendar.
     *
     * @throws org.fieldplan.data.StoreException when the region is unknown or already has volunteers with the ids
     *     {@code V0001}… given here
     */
    public List<Volunteer> censusVolunteers(String regionId, Path censusCsv, int count, long seed) {
        List<TimeSlot> slots = regions.calendar(regionId).slots();
        List<Volunteer> volunteers = CensusVolunteerPlacer.fromCsv(censusCsv, slots).place(count, seed);
        regions.addVolunteers(regionId, volunteers, Map.of());
        return volunteers;
    }
}
