package org.fieldplan.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.ProblemPreparer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to a first plan: preparing a problem (vote model, candidate precincts by travel time, shifts) and the greedy
 * construction the solver starts from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class ConstructionBenchmark {

    @Param({"S", "M", "L"})
    public String size;

    private FieldPlanProblem problem;
    private FieldPlan prepared;

    @Setup(Level.Trial)
    public void setUp() {
        problem = new RegionGenerator().generate(RegionSize.valueOf(size), 7);
        prepared = ProblemPreparer.prepare(problem);
    }

    @Benchmark
    public FieldPlan prepare() {
        return ProblemPreparer.prepare(problem);
    }

    @Benchmark
    public List<GreedyPlanner.Decision> greedyConstruction() {
        return GreedyPlanner.decide(prepared);
    }
}
