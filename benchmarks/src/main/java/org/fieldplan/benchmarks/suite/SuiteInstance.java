package org.fieldplan.benchmarks.suite;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;

/**
 * The instances of the standard suite, smallest first, with their default solve limits (together about 2.5 minutes
 * of solving, 15 minutes at most with XL on a 2-core machine). Generated regions and Rhode Island use seed 7.
 */
enum SuiteInstance {
    S(10, false),
    M(30, false),
    /** Rhode Island: real precincts, 2,000 volunteers; M-sized, so it shows whether the generator is realistic. */
    RI(30, false),
    L(60, false),
    /** Only with {@code --xl}: the large state takes minutes to generate and prepare. */
    XL(60, true);

    private final int defaultSeconds;
    private final boolean optIn;

    SuiteInstance(int defaultSeconds, boolean optIn) {
        this.defaultSeconds = defaultSeconds;
        this.optIn = optIn;
    }

    int defaultSeconds() {
        return defaultSeconds;
    }

    boolean optIn() {
        return optIn;
    }

    /** Whether this is a generated region, so that sizes compare along one scaling curve. */
    boolean generated() {
        return this != RI;
    }

    /** Builds the unprepared problem; Rhode Island is read from {@code dataFolder}. */
    Supplier<FieldPlanProblem> loader(Path dataFolder) {
        return generated()
                ? () -> new RegionGenerator().generate(RegionSize.valueOf(name()), 7)
                : () -> BenchmarkProblems.rhodeIsland(dataFolder);
    }
}
