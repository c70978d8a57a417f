package org.fieldplan.data.importer;

import java.nio.file.Path;
import java.util.List;

import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;
import org.fieldplan.io.RealRegionProblem;
import org.fieldplan.mapping.ImportReport;
import org.fieldplan.mapping.LocationChecks;
import org.fieldplan.mapping.MappedPrecinctReader;
import org.fieldplan.mapping.PrecinctMapping;
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
     * @throws ImportRejectedException when the precinct file is rejected, one row error per finding
     */
    public FieldPlanProblem real(String regionId, Path precinctFile, PrecinctMapping mapping, Path censusCsv,
            int volunteerCount, long seed) {
        return realWithReport(regionId, precinctFile, mapping, censusCsv, volunteerCount, seed).region();
    }

    /** A stored real region and the import report of its precincts (proxies, capped turnout, repairs …). */
    public record RealRegion(FieldPlanProblem region, ImportReport report) {
    }

    /** As {@link #real}, with the precinct import's report. */
    public RealRegion realWithReport(String regionId, Path precinctFile, PrecinctMapping mapping, Path censusCsv,
            int volunteerCount, long seed) {
        MappedPrecinctReader.Result read = PrecinctImporter.read(precinctFile, mapping, false);
        ImportReport report = read.report();
        if (!report.accepted()) {
            throw new ImportRejectedException(precinctFile.toString(), RowError.of(report));
        }
        FieldPlanProblem region = RealRegionProblem.build("Real region " + regionId, report.precincts(), censusCsv,
                volunteerCount, seed);
        regions.save(regionId, region, read.attributes());
        List<Point> homes = region.volunteers().stream().map(Volunteer::getHome).toList();
        return new RealRegion(region, report.withOutcome(ImportReport.Outcome.STORED)
                .withWarnings(LocationChecks.farFromVolunteers(report.precincts(), homes)));
    }
}
