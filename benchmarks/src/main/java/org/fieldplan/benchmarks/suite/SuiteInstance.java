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
     * Only with {@code --only}: generated regions votes-only, where the flow bound is tight (attendance 1, no
     * tie-breakers), so that % of the bound measures the search at these sizes rather than the bound's slack.
     */
    M_VOTES(60, true, null, true),
    L_VOTES(60, true, null, true),
    XL_VOTES(60, true, null, true),
    /**
     * Only with {@code --only}: the deployment instances ({@link org.fieldplan.benchmarks.DeploymentScenario}).
     * STAGED: one staging location per {@value #PRECINCTS_PER_STAGING} precincts, and {@value #DEPLOYING_PERCENT} % of the volunteers give a whole Saturday within
     * their everyday limit (the "before"); DEPLOY: the same volunteers offer a Saturday deployment (the "after");
     * CARPOOL: DEPLOY, and {@value #DRIVER_PERCENT} % of the volunteers who drive offer {@value #SEATS} seats and a
     * {@value #DETOUR_MINUTES}-minute detour while everyone else accepts rides.
     */
    M_STAGED(60, true, null, false, Deployment.STAGED),
    M_DEPLOY(60, true, null, false, Deployment.DEPLOY),
    M_CARPOOL(60, true, null, false, Deployment.CARPOOL),
    NH_STAGED_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, Deployment.STAGED),
    NH_DEPLOY_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, Deployment.DEPLOY),
    NH_CARPOOL_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, Deployment.CARPOOL),
    CT_STAGED_VOTES(60, true, RealRegion.CONNECTICUT, true, Deployment.STAGED),
    CT_DEPLOY_VOTES(60, true, RealRegion.CONNECTICUT, true, Deployment.DEPLOY),
    CT_CARPOOL_VOTES(60, true, RealRegion.CONNECTICUT, true, Deployment.CARPOOL),
    /** NH_STAGED_VOTES and NH_DEPLOY_VOTES with half of the volunteers giving (and offering) a Saturday. */
    NH_STAGED_HALF_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, Deployment.STAGED, 50),
    NH_DEPLOY_HALF_VOTES(60, true, RealRegion.NEW_HAMPSHIRE, true, Deployment.DEPLOY, 50);

    /** What the deployment instances add to their region, each step on top of the one before. */
    enum Deployment {
        NONE, STAGED, DEPLOY, CARPOOL
    }

    static final int DEPLOYING_PERCENT = 20;
    static final int PRECINCTS_PER_STAGING = 5;
    static final int DRIVER_PERCENT = 30;
    static final int SEATS = 3;
    static final int DETOUR_MINUTES = 15;

    private final int defaultSeconds;
    private final boolean optIn;
    private final RealRegion region;
    private final boolean votesOnly;
    private final Deployment deployment;
    /** Percent of all volunteers who give a whole Saturday (and, with offers, a deployment). */
    private final int deployingPercent;

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly) {
        this(defaultSeconds, optIn, region, votesOnly, Deployment.NONE);
    }

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly, Deployment deployment) {
        this(defaultSeconds, optIn, region, votesOnly, deployment, DEPLOYING_PERCENT);
    }

    SuiteInstance(int defaultSeconds, boolean optIn, RealRegion region, boolean votesOnly, Deployment deployment,
            int deployingPercent) {
        this.defaultSeconds = defaultSeconds;
        this.optIn = optIn;
        this.region = region;
        this.votesOnly = votesOnly;
        this.deployment = deployment;
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
        return region == null && this != M_HEAVY && deployment == Deployment.NONE && !votesOnly;
    }

    /** Whether the instance is read from the shared data folder. */
    boolean real() {
        return region != null;
    }

    /** Builds the unprepared problem; real regions are read from {@code dataFolder}. */
    Supplier<FieldPlanProblem> loader(Path dataFolder) {
        if (deployment != Deployment.NONE) {
            Supplier<FieldPlanProblem> plain = region == null ? () -> new RegionGenerator().generate(RegionSize.M, 7)
                    : plainLoader(dataFolder);
            return () -> {
                FieldPlanProblem problem = plain.get();
                FieldPlanProblem deploying = DeploymentScenario.withDeploymentDays(DeploymentScenario.withStaging(
                        problem, problem.precincts().size() / PRECINCTS_PER_STAGING, 7),
                        deployingPercent / 100.0, deployment != Deployment.STAGED, 7);
                return deployment == Deployment.CARPOOL ? DeploymentScenario.withCarpools(deploying,
                        DRIVER_PERCENT / 100.0, SEATS, DETOUR_MINUTES, 7) : deploying;
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
        if (region == null) {
            RegionSize size = RegionSize.valueOf(name().substring(0, name().indexOf('_')));
            return () -> BenchmarkProblems.votesOnly(new RegionGenerator().generate(size, 7));
        }
        return votesOnly
                ? () -> BenchmarkProblems.votesOnly(BenchmarkProblems.region(region, dataFolder))
                : () -> BenchmarkProblems.region(region, dataFolder);
    }
}
