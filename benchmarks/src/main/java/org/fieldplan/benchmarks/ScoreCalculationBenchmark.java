package org.fieldplan.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.FieldPlanSolverConfig;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.optaplanner.core.api.score.Score;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Incremental score calculation throughput of the full constraint set: one operation = one random change move on
 * the greedy plan (a shift to another of its candidates or home), its score, and the undo — what local search does
 * for every move it evaluates. Compares the Bavet and Drools constraint-stream engines on the same model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class ScoreCalculationBenchmark {

    private static final String VARIABLE = "precinct";

    @Param({"S", "M", "L"})
    public String size;

    @Param({"BAVET", "DROOLS"})
    public String engine;

    private InnerScoreDirector<FieldPlan, ?> scoreDirector;
    private Shift[] movable;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void setUp() {
        FieldPlan plan = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.valueOf(size), 7));
        GreedyPlanner.planInPlace(plan);
        SolverConfig config = FieldPlanSolverConfig.create(Duration.ofSeconds(1));
        ScoreDirectorFactoryConfig scoring = config.getScoreDirectorFactoryConfig()
                .withConstraintStreamImplType(ConstraintStreamImplType.valueOf(engine));
        config.setScoreDirectorFactoryConfig(scoring);
        DefaultSolverFactory<FieldPlan> factory = (DefaultSolverFactory<FieldPlan>) SolverFactory.<FieldPlan>create(config);
        scoreDirector = factory.getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(plan);
        scoreDirector.calculateScore();
        movable = plan.getShifts().stream().filter(s -> !s.getCandidatePrecincts().isEmpty()).toArray(Shift[]::new);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scoreDirector.close();
    }

    @Benchmark
    public Score<?> changeMoveScoreAndUndo() {
        Shift shift = movable[random.nextInt(movable.length)];
        List<Precinct> candidates = shift.getCandidatePrecincts();
        Precinct before = shift.getPrecinct();
        int pick = random.nextInt(candidates.size() + 1);
        Precinct after = pick == candidates.size() ? null : candidates.get(pick);
        set(shift, after);
        Score<?> score = scoreDirector.calculateScore();
        set(shift, before);
        scoreDirector.calculateScore();
        return score;
    }

    private void set(Shift shift, Precinct precinct) {
        scoreDirector.beforeVariableChanged(shift, VARIABLE);
        shift.setPrecinct(precinct);
        scoreDirector.afterVariableChanged(shift, VARIABLE);
    }
}
