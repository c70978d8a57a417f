package org.fieldplan.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.io.RealRegionProblem;
import org.fieldplan.mapping.PrecinctMapping;

/** The real-data instance every benchmark shares, so that all suites measure the same Rhode Island problem. */
public final class BenchmarkProblems {

    /** The shared data folder beside the repository, relative to the repository root. */
    public static final Path DEFAULT_DATA = Path.of("..", "shared", "data");

    private static final int RHODE_ISLAND_VOLUNTEERS = 2000;
    private static final long SEED = 7;

    private BenchmarkProblems() {
    }

    /**
     * Rhode Island's real precincts with 2,000 volunteers placed at census block groups (seed 7).
     *
     * @throws IllegalStateException naming the absolute path when the data folder is missing
     */
    public static FieldPlanProblem rhodeIsland(Path dataFolder) {
        requireData(dataFolder);
        return RealRegionProblem.build("Rhode Island 2000", dataFolder.resolve("precincts/ri-precincts.geojson"),
                PrecinctMapping.preset("rhode-island"), dataFolder.resolve("census/cenpop2020_bg_RI.csv"),
                RHODE_ISLAND_VOLUNTEERS, SEED);
    }

    /**
     * Checks the data folder exists, so that a long run can fail before its first instance rather than midway.
     *
     * @throws IllegalStateException naming the absolute path when it is missing
     */
    public static void requireData(Path dataFolder) {
        if (!Files.isDirectory(dataFolder)) {
            throw new IllegalStateException("Rhode Island data missing: " + dataFolder.toAbsolutePath().normalize()
                    + " (the shared data folder beside the repository; run from the repository root)");
        }
    }
}
