package org.fieldplan.benchmarks.quality;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fieldplan.benchmarks.optimum.OptimumInstances;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * FieldPlan against optima CP-SAT already proved: reads an {@code OptimumComparison} result file, regenerates each
 * proven-optimal instance and reports FieldPlan's best feasible soft score after 1 s, 10 s and the limit as a
 * percentage of the stored optimum, without proving it again (12 × 24 seed 1 alone takes CP-SAT about 4 minutes).
 * Instances are regenerated from size and seed exactly as the comparison does ({@link OptimumInstances}).
 *
 * <p>Arguments: {@code RESULT_JSON SECONDS [SIZES]}, e.g.
 * {@code benchmarks/baseline/optimum/sweep-result.json 10 6x12,8x16,10x20,12x24}. Prints a Markdown table.
 */
public final class KnownOptimumCheck {

    private static final long[] CHECKPOINT_MILLIS = {1_000, 10_000};

    private KnownOptimumCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: KnownOptimumCheck RESULT_JSON SECONDS [SIZES, e.g. 6x12,10x20]");
            System.exit(2);
        }
        JsonNode result = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        int seconds = Integer.parseInt(args[1]);
        Set<String> sizes = args.length > 2 ? Set.of(args[2].split(",")) : null;
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("| instance | optimum | FieldPlan 1 s | FieldPlan 10 s | FieldPlan %d s |%n", seconds);
        System.out.println("|---|---:|---:|---:|---:|");
        for (JsonNode instance : result.get("instances")) {
            String size = instance.get("size").asText();
            if (!instance.get("provenOptimal").asBoolean() || sizes != null && !sizes.contains(size)) {
                continue;
            }
            String[] dimensions = size.split("x");
            long seed = instance.get("seed").asLong();
            FieldPlan problem = OptimumInstances.prepared(Integer.parseInt(dimensions[0]),
                    Integer.parseInt(dimensions[1]), seed);
            long optimum = instance.get("cpSatObjective").asLong();
            List<Long> soft = solve(problem, seconds);
            StringBuilder row = new StringBuilder("| " + size.replace('x', '×') + ", " + seed + " | "
                    + String.format("%,d", optimum) + " |");
            for (Long value : soft) {
                row.append(value == null ? " — |" : String.format(" %.2f%% |", 100.0 * value / optimum));
            }
            System.out.println(row);
        }
        System.out.printf("load average %.1f at the start, %.1f at the end%n", loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Best feasible soft scores at the checkpoints (null: none yet) and at the end of a production solve. */
    private static List<Long> solve(FieldPlan problem, int seconds) {
        FieldPlanSolver solver = new FieldPlanSolver(FieldPlanSolverConfig.create(Duration.ofSeconds(seconds)));
        List<long[]> feasibleBests = new ArrayList<>(); // {millis since start, soft score}
        long start = System.nanoTime();
        HardMediumSoftLongScore last = solver.solve(problem.copyUnassigned(), best -> {
            if (best.getScore().isFeasible()) {
                feasibleBests.add(new long[] {(System.nanoTime() - start) / 1_000_000, best.getScore().softScore()});
            }
        }).plan().getScore();
        List<Long> soft = new ArrayList<>();
        for (long checkpoint : CHECKPOINT_MILLIS) {
            Long best = null;
            for (long[] point : feasibleBests) {
                if (point[0] <= checkpoint) {
                    best = point[1];
                }
            }
            soft.add(best);
        }
        soft.add(last.isFeasible() ? last.softScore() : null);
        return soft;
    }
}
