package org.fieldplan.benchmarks.suite;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.BenchmarkProblems.RealRegion;
import org.fieldplan.benchmarks.DeploymentScenario;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionGenerator.ValueSpread;
import org.fieldplan.data.generator.RegionSize;

/**
 * The instances of the standard suite, smallest first, with their default solve limits (60 s except S, so that every
 * run reads % of the flow bound at 10, 30 and 60 s; about 12 minutes of solving). Generated regions and the real
 * regions use seed 7. Each real region runs twice: with the product's default weights, and votes-only
 * (attendance 1, tie-breakers 0: {@link BenchmarkProblems#votesOnly}), the configuration whose flow bound is tightest.
 */
enum SuiteInstance {
    S(10, false, null, false),
    M(60, false, null, false),
    /** M with heavy-tailed precinct values ({@code RegionGenerator.ValueSpread.HEAVY_TAILED}). */
    M_HEAVY(60, false, null, false),
    /** Rhode Island: real precincts, 2,000 volunteers; M-sized, so it shows whether the generator is realistic. */
    RI(60, false, RealRegion.RHODE_ISLAND, false),
    RI_VOTES(60, false, RealRegion.RHODE_ISLAND, true),
    NH(60, false, RealRegion.NEW_HAMPSHIRE, false),
    NH_VOTES(60, false, RealRegion.NEW_HAMPSHIRE, true),
    CT(60, false, RealRegion.CONNECTICUT, false),
    CT_VOTES(60, false, RealRegion.CONNECTICUT, true),
    L(60, false, null, false),
    /** Only with {@code --xl}: the large state takes minutes to generate and prepare. */
    XL(60, true, null, false),
    /**
     * Only with {@code --only}: the deployment instances ({@link org.fieldplan.benchmarks.DeploymentScenario}).
     * STAGED: one staging location per {@value #PRECINCTS_PER_STAGING} precincts, and {@value #DEPLOYING_PERCENT} % of the volunteers give a whole Saturday within
     * their everyday limit (the "before"); DEPLOY: the same volunteers offer a Saturday deployment (the "after").
     */
    M_STAGED(60, true, null, false, true, false),
    M_DEPLOY(60, true, null, false, true, true),
    NH_STAGED_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, true, false),
    NH_DEPLOY_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, true, true),
    CT_STAGED_VOTES(60, true, RealRegion.CONNECTICUT, true, true, false),
    CT_DEPLOY_VOTES(60, true, RealRegion.CONNECTICUT, true, true, true),
    /** NH_STAGED_VOTES and NH_DEPLOY_VOTES with half of the volunteers giving (and offering) a Saturday. */
    NH_STAGED_HALF_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, true, false, 50),
    NH_DEPLOY_HALF_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, true, true, 50);

    static final int DEPLOYING_PERCENT = 20;
    static final int PRECINCTS_PER_STAGING = 5;

    private final int defaultSeconds;
    private final boolean optIn;
    private final RealRegion region;
    private final boolean votesOnly;
    /** Whether to add staging locations, one per {@link #PRECINCTS_PER_STAGING} precincts. */
    private final boolean staged;
    private final boolean deploymentOffers;
    /** Percent of all volunteers who give a whole Saturday (and, with offers, a deployment). */
    private final int deployingPercent;

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly) {
        this(defaultSeconds, optIn, region, votesOnly, false, false);
    }

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly, boolean staged,
            boolean deploymentOffers) {
        this(defaultSeconds, optIn, region, votesOnly, staged, deploymentOffers, DEPLOYING_PERCENT);
    }

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly, boolean staged,
            boolean deploymentOffers, int deployingPercent) {
        this.defaultSeconds = defaultSeconds;
        this.optIn = optIn;
        this.region = region;
        this.votesOnly = votesOnly;
        this.staged = staged;
        this.deploymentOffers = deploymentOffers;
        this.deployingPercent = deployingPercent;
    }

    int defaultSeconds() {
        return defaultSeconds;
    }

    boolean optIn() {
        return optIn;
    }

    /** Whether this is a generated region of a preset size, so that sizes compare along one scaling curve. */
    boolean generated() {
        return region == null && this != M_HEAVY && !staged;
    }

    /** Whether the instance is read from the shared data folder. */
    boolean real() {
        return region != null;
    }

    /** Builds the unprepared problem; real regions are read from {@code dataFolder}. */
    Supplier<FieldPlanProblem> loader(Path dataFolder) {
        if (staged) {
            Supplier<FieldPlanProblem> plain = region == null ? () -> new RegionGenerator().generate(RegionSize.M, 7)
                    : plainLoader(dataFolder);
            return () -> {
                FieldPlanProblem problem = plain.get();
                return DeploymentScenario.withDeploymentDays(DeploymentScenario.withStaging(problem,
                        problem.precincts().size() / PRECINCTS_PER_STAGING, 7),
                        deployingPercent / 100.0, deploymentOffers, 7);
            };
        }
        return plainLoader(dataFolder);
    }

    private Supplier<FieldPlanProblem> plainLoader(Path dataFolder) {
        if (this == M_HEAVY) {
            return () -> new RegionGenerator().generate(RegionSize.M, 7, ValueSpread.HEAVY_TAILED);
        }
        if (generated()) {
            return () -> new RegionGenerator().generate(RegionSize.valueOf(name()), 7);
        }
        return votesOnly
                ? () -> BenchmarkProblems.votesOnly(BenchmarkProblems.region(region, dataFolder))
                : () -> BenchmarkProblems.region(region, dataFolder);
    }
}
