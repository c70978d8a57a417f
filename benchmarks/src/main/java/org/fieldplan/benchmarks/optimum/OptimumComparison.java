package org.fieldplan.benchmarks.optimum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fieldplan.benchmarks.optimum.ComparisonResult.InstanceResult;
import org.fieldplan.benchmarks.suite.BenchmarkSuite;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.fieldplan.solver.SolveResult;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Quality against the optimum: for growing generated instances (uniform attendance, see {@link OptimumInstances})
 * CP-SAT solves {@link CpSatModel} with a time limit; FieldPlan solves the same instance and its best plan after 1,
 * 10 and the full solve seconds is reported as a percentage of CP-SAT's objective (the optimum where CP-SAT proves
 * it), with the greedy baseline's. The sweep stops at the first size where CP-SAT proves no seed optimal; then the
 * {@code --large} sizes report CP-SAT's best plan and bound after its limit against FieldPlan.
 *
 * <p>Options (defaults): {@code --sizes 6x12,8x16,10x20,12x24,15x30,20x40 --large S --seeds 2 --cpsat-seconds 300
 * --workers 2 --fieldplan-seconds 60 --out out/bench-optimum}. Writes {@code result.json} and {@code summary.md}.
 */
public final class OptimumComparison {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int[] EARLY_CHECKPOINT_SECONDS = {1, 10};

    private final int cpSatSeconds;
    private final int workers;
    private final int fieldPlanSeconds;

    private OptimumComparison(int cpSatSeconds, int workers, int fieldPlanSeconds) {
        this.cpSatSeconds = cpSatSeconds;
        this.workers = workers;
        this.fieldPlanSeconds = fieldPlanSeconds;
    }

    public static void main(String[] args) {
        Map<String, String> options;
        List<InstanceSize> sizes;
        List<InstanceSize> large;
        int seeds;
        OptimumComparison comparison;
        try {
            options = options(args);
            sizes = sizes(options.get("sizes"));
            large = options.get("large").isBlank() ? List.of() : sizes(options.get("large"));
            seeds = Integer.parseInt(options.get("seeds"));
            comparison = new OptimumComparison(Integer.parseInt(options.get("cpsat-seconds")),
                    Integer.parseInt(options.get("workers")), Integer.parseInt(options.get("fieldplan-seconds")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double loadAtStart = loadAverage();
        String date = Instant.now().toString();
        List<InstanceResult> results = new ArrayList<>();
        for (InstanceSize size : sizes) {
            boolean anyProven = false;
            for (long seed = 1; seed <= seeds; seed++) {
                InstanceResult result = comparison.run(size, seed);
                results.add(result);
                anyProven |= result.isProvenOptimal();
            }
            if (!anyProven) {
                System.out.println("CP-SAT proved no " + size.label() + " instance optimal: sweep ends here");
                break;
            }
        }
        for (InstanceSize size : large) {
            results.add(comparison.run(size, 1));
        }
        String command = "OptimumComparison " + String.join(" ", args) + " (JVM "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ")";
        ComparisonResult result = new ComparisonResult(BenchmarkSuite.gitCommit(), date, BenchmarkSuite.machine(),
                loadAtStart, loadAverage(), command.replaceAll(" +", " ").trim(), comparison.cpSatSeconds,
                comparison.workers, comparison.fieldPlanSeconds, results);
        Path out = Path.of(options.get("out"));
        write(result, out);
        System.out.println("wrote " + out.resolve("result.json") + " and summary.md");
    }

    private InstanceResult run(InstanceSize size, long seed) {
        FieldPlan problem = OptimumInstances.prepared(size.precincts(), size.volunteers(), seed);
        System.out.printf("== %s seed %d: %d precincts, %d volunteers, %d shifts%n", size.label(), seed,
                problem.getPrecincts().size(), problem.getVolunteers().size(), problem.getShifts().size());
        CpSatModel model = CpSatModel.of(problem);
        CpSatResult cpSat = model.solve(Duration.ofSeconds(cpSatSeconds), workers);
        FieldPlanSolver fieldPlan = new FieldPlanSolver(FieldPlanSolverConfig.create(
                Duration.ofSeconds(fieldPlanSeconds)));
        boolean cpSatPlanAgrees = false;
        double cpSatVotes = 0;
        if (cpSat.isFeasible()) {
            FieldPlan cpSatPlan = cpSat.applyTo(problem);
            HardMediumSoftLongScore score = fieldPlan.score(cpSatPlan);
            cpSatPlanAgrees = score.hardScore() == 0 && score.softScore() == cpSat.objective();
            cpSatVotes = PlanSummary.of(cpSatPlan).expectedNetVotes();
        }
        System.out.printf("   CP-SAT %s in %.1f s: objective %s, bound %s%n", cpSat.status(), cpSat.wallSeconds(),
                cpSat.objective(), cpSat.bound());

        FieldPlan greedy = fieldPlan.greedyBaseline(problem);
        FeasibleBestOverTime progress = new FeasibleBestOverTime();
        SolveResult solved = fieldPlan.solve(problem.copyUnassigned(), progress);
        List<Integer> checkpoints = new ArrayList<>();
        List<Long> soft = new ArrayList<>();
        for (int seconds : EARLY_CHECKPOINT_SECONDS) {
            if (seconds < fieldPlanSeconds) {
                checkpoints.add(seconds);
                soft.add(progress.bestAt(seconds * 1000L));
            }
        }
        HardMediumSoftLongScore finalScore = solved.plan().getScore();
        checkpoints.add(fieldPlanSeconds);
        soft.add(finalScore.hardScore() == 0 ? finalScore.softScore() : null);
        CpSatResult check = model.evaluate(solved.plan());
        boolean fieldPlanPlanAgrees = check.isFeasible() && check.objective() == finalScore.softScore();

        List<Double> percents = soft.stream().map(value -> percent(value, cpSat.objective())).toList();
        System.out.printf("   FieldPlan %s at %s s = %s %% of CP-SAT; greedy %.2f %%%n", soft, checkpoints, percents,
                percent(greedy.getScore().softScore(), cpSat.objective()));
        return new InstanceResult(size.label(), seed, problem.getPrecincts().size(), problem.getVolunteers().size(),
                problem.getShifts().size(), cpSat.status(), cpSat.objective(), cpSat.bound(), cpSat.wallSeconds(),
                cpSatVotes, cpSatPlanAgrees, greedy.getScore().softScore(), PlanSummary.of(greedy).expectedNetVotes(),
                percent(greedy.getScore().softScore(), cpSat.objective()), checkpoints, soft,
                PlanSummary.of(solved.plan()).expectedNetVotes(), fieldPlanPlanAgrees, percents,
                percent(soft.get(soft.size() - 1), cpSat.bound()));
    }

    private static Double percent(Long value, Long reference) {
        return value == null || reference == null || reference == 0 ? null : 100.0 * value / reference;
    }

    // ---------------- options and output ----------------

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("sizes", "6x12,8x16,10x20,12x24,15x30,20x40");
        options.put("large", "S");
        options.put("seeds", "2");
        options.put("cpsat-seconds", "300");
        options.put("workers", "2");
        options.put("fieldplan-seconds", "60");
        options.put("out", "out/bench-optimum");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + " (options: "
                        + String.join(", ", options.keySet().stream().map(o -> "--" + o).toList()) + ")");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private static List<InstanceSize> sizes(String list) {
        return Arrays.stream(list.split(",")).map(InstanceSize::parse).toList();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void write(ComparisonResult result, Path out) {
        try {
            Files.createDirectories(out);
            MAPPER.writeValue(out.resolve("result.json").toFile(), result);
            Files.writeString(out.resolve("summary.md"), ComparisonTable.markdown(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
    }
}
