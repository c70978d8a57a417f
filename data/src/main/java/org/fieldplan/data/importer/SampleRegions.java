package org.fieldplan.data.importer;

import java.nio.file.Path;

import org.fieldplan.data.region.RegionStore;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;
import org.fieldplan.io.PrecinctColumnMapping;
import org.fieldplan.io.RealRegionProblem;
import org.fieldplan.validation.ProblemValidationException;

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
     * Stores real precincts with {@code volunteerCount} volunteers placed at census block-group centres (seeded) as
     * {@code regionId}; precincts keep their features' properties as raw election attributes.
     *
     * @throws ImportRejectedException when a precinct feature is unusable
     */
    public FieldPlanProblem real(String regionId, Path precinctGeoJson, PrecinctColumnMapping mapping,
            Path censusCsv, int volunteerCount, long seed) {
        FieldPlanProblem region;
        try {
            region = RealRegionProblem.build("Real region " + regionId, precinctGeoJson, mapping, censusCsv,
                    volunteerCount, seed);
        } catch (ProblemValidationException e) {
            throw PrecinctImporter.rejected(precinctGeoJson.toString(), e);
        }
        regions.save(regionId, region, PrecinctImporter.electionAttributes(precinctGeoJson, region.precincts()));
        return region;
    }
}
