package org.fieldplan.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.ProblemPreparer;
import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;

/**
 * Compares solver configurations (construction, local search type, pair moves, move threads) with OptaPlanner's
 * benchmarker on generated S and M regions and on Rhode Island, and writes its HTML report with charts to
 * {@code out/solver-benchmark/}. Argument: seconds per run (default 30).
 */
public final class SolverComparison {

    private static final String CONFIG = "org/fieldplan/benchmarks/solverComparisonBenchmark.xml";

    private SolverComparison() {
    }

    public static void main(String[] args) {
        String seconds = args.length > 0 ? args[0] : "30";
        List<FieldPlan> problems = new ArrayList<>();
        RegionGenerator generator = new RegionGenerator();
        problems.add(ProblemPreparer.prepare(generator.generate(RegionSize.S, 7)));
        problems.add(ProblemPreparer.prepare(generator.generate(RegionSize.M, 7)));
        problems.add(ProblemPreparer.prepare(BenchmarkProblems.rhodeIsland(BenchmarkProblems.DEFAULT_DATA)));
        PlannerBenchmarkFactory.createFromFreemarkerXmlResource(CONFIG, Map.of("seconds", seconds))
                .buildPlannerBenchmark(problems)
                .benchmark();
    }
}
