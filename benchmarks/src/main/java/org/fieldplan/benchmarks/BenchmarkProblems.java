package org.fieldplan.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fieldplan.benchmarks.optimum.OptimumInstances;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.importer.PrecinctImporter;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.data.io.RealRegionProblem;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The real-data instances every benchmark shares, so that all suites measure the same problems: Rhode Island,
 * New Hampshire and Connecticut precincts with volunteers placed at census block groups (seed 7). Every use of a
 * precinct column mapping in the benchmarks is here, so switching to the importer's mapping files is one change.
 */
public final class BenchmarkProblems {

    /** The shared data folder beside the repository, relative to the repository root. */
    public static final Path DEFAULT_DATA = Path.of("..", "shared", "data");

    private static final long SEED = 7;

    /**
     * The mapping file the README's "bring your own state" section uses for Connecticut (no registration or turnout
     * column: both are stated proxies), relative to the repository root; benchmarks run from the root or a module.
     */
    private static final Path CONNECTICUT_MAPPING = Path.of("docs", "mappings", "connecticut.json");

    /** A real region: its precinct file, mapping, census block groups and volunteer count. */
    public enum RealRegion {
        /** 419 precincts, 2,000 volunteers. */
        RHODE_ISLAND("Rhode Island 2000", "precincts/ri-precincts.geojson", "census/cenpop2020_bg_RI.csv", 2000),
        /** 320 precincts; the state has about 1.3 times Rhode Island's population. */
        NEW_HAMPSHIRE("New Hampshire 2600", "precincts/nh-precincts.geojson", "census/cenpop2020_bg_NH.csv", 2600),
        /** 739 voting districts, converted from the shapefile at run time; 3.4 times Rhode Island's population. */
        CONNECTICUT("Connecticut 6800", "precincts/CT_precincts.zip", "census/cenpop2020_bg_CT.csv", 6800);

        private final String problemName;
        private final String precinctFile;
        private final String censusFile;
        private final int volunteers;

        RealRegion(String problemName, String precinctFile, String censusFile, int volunteers) {
            this.problemName = problemName;
            this.precinctFile = precinctFile;
            this.censusFile = censusFile;
            this.volunteers = volunteers;
        }

        public int volunteers() {
            return volunteers;
        }

        private PrecinctMapping mapping() {
            return switch (this) {
                case RHODE_ISLAND -> PrecinctMapping.preset("rhode-island");
                case NEW_HAMPSHIRE -> PrecinctMapping.preset("new-hampshire");
                case CONNECTICUT -> PrecinctMapping.load(Files.exists(CONNECTICUT_MAPPING) ? CONNECTICUT_MAPPING
                        : Path.of("..").resolve(CONNECTICUT_MAPPING));
            };
        }
    }

    private BenchmarkProblems() {
    }

    /**
     * Rhode Island's real precincts with 2,000 volunteers placed at census block groups (seed 7).
     *
     * @throws IllegalStateException naming the absolute path when the data folder is missing
     */
    public static FieldPlanProblem rhodeIsland(Path dataFolder) {
        return region(RealRegion.RHODE_ISLAND, dataFolder);
    }

    /**
     * A real region's precincts with its volunteers placed at census block groups (seed 7), default weights.
     *
     * @throws IllegalStateException naming the absolute path when the data folder is missing, or when GDAL's
     *     {@code ogr2ogr} cannot convert Connecticut's shapefile
     */
    public static FieldPlanProblem region(RealRegion region, Path dataFolder) {
        requireData(dataFolder);
        Path precincts = dataFolder.resolve(region.precinctFile);
        ImportReport report = PrecinctImporter.read(precincts, region.mapping(), false).report();
        if (!report.accepted()) {
            throw new IllegalStateException(precincts + " was rejected: " + String.join("; ", report.errorLines()));
        }
        return RealRegionProblem.build(region.problemName, report.precincts(), dataFolder.resolve(region.censusFile),
                region.volunteers, SEED);
    }

    /**
     * The problem as the upper-bound comparison states it: every volunteer attends (attendance 1) and every
     * tie-breaker weight (idle volunteer, travel, fair load, turf continuity, preference) is 0, so the score is the
     * expected net votes alone and the flow bound's only relaxations are the buddy and language rules.
     */
    public static FieldPlanProblem votesOnly(FieldPlanProblem problem) {
        FieldPlanProblem attending = OptimumInstances.withAttendance(problem, 1.0);
        FieldPlanWeights weights = new FieldPlanWeights();
        weights.setIdleVolunteer(HardMediumSoftLongScore.ZERO);
        weights.setTravelTime(HardMediumSoftLongScore.ZERO);
        weights.setFairLoad(HardMediumSoftLongScore.ZERO);
        weights.setTurfContinuity(HardMediumSoftLongScore.ZERO);
        weights.setPreference(HardMediumSoftLongScore.ZERO);
        return new FieldPlanProblem(problem.name() + ", votes only", attending.timeZone(), attending.voteModel(),
                attending.travel(), attending.districts(), attending.timeSlots(), attending.precincts(),
                attending.volunteers(), weights, attending.assignments(), attending.travelMinutes(),
                attending.stagingLocations());
    }

    /**
     * Checks the data folder exists, so that a long run can fail before its first instance rather than midway.
     *
     * @throws IllegalStateException naming the absolute path when it is missing
     */
    public static void requireData(Path dataFolder) {
        if (!Files.isDirectory(dataFolder)) {
            throw new IllegalStateException("Shared data missing: " + dataFolder.toAbsolutePath().normalize()
                    + " (the shared data folder beside the repository; run from the repository root)");
        }
    }
}
