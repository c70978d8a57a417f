package org.fieldplan.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.sun.management.OperatingSystemMXBean;

import org.fieldplan.data.importer.PrecinctImporter;
import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.data.travel.road.RoadNetwork;
import org.fieldplan.data.travel.road.RoadTravelTable;
import org.fieldplan.data.travel.road.RoadTravelTimes;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.io.RealRegionProblem;
import org.fieldplan.data.mapping.ImportReport;
import org.fieldplan.data.mapping.PrecinctMapping;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;

/**
 * Road network against straight line on Franklin County, Ohio (docs/benchmarks.md): the time to build the routing
 * graph of {@code osm/columbus.osm.pbf} from nothing and the travel table of 3,000 census-placed volunteers; how
 * many volunteer–precinct pairs change reachability and how far the straight-line minutes are off; and how the plan
 * changes when solved with each for the same time. Run by {@code scripts/bench-roads.sh}.
 *
 * <p>Arguments: [solve seconds per plan (default 60; 0 skips the plans)] [data folder].
 */
public final class RoadTravelBenchmark {

    private static final int VOLUNTEERS = 3_000;
    private static final long SEED = 7;
    private static final Path MAPPING = Path.of("docs", "mappings", "ohio-franklin.json");

    private RoadTravelBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int solveSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path data = args.length > 1 ? Path.of(args[1]) : BenchmarkProblems.DEFAULT_DATA;
        BenchmarkProblems.requireData(data);
        String franklin = ProblemJson.toJson(franklin(data));

        Path cache = Files.createTempDirectory("fieldplan-bench-graphs");
        FieldPlanProblem roadProblem = ProblemJson.fromJson(franklin);
        // CPU time beside wall time: on a shared machine the wall time says more about the neighbours.
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        RoadTravelTable table;
        long built;
        long cpuBuilt;
        try (RoadNetwork network = RoadNetwork.open(data.resolve("osm/columbus.osm.pbf"), cache)) {
            built = System.nanoTime();
            cpuBuilt = os.getProcessCpuTime();
            table = new RoadTravelTimes(network).compute(roadProblem);
        }
        long computed = System.nanoTime();
        long cpuComputed = os.getProcessCpuTime();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "graph build %.1f s + travel table %.1f s = %.1f s wall (CPU %.1f s + %.1f s);"
                + " heap after %d MB of max %d MB (%d cores)%n", seconds(start, built), seconds(built, computed),
                seconds(start, computed), seconds(cpuStart, cpuBuilt), seconds(cpuBuilt, cpuComputed),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20,
                runtime.availableProcessors());
        table.report().lines().forEach(System.out::println);

        FieldPlanProblem straightProblem = ProblemJson.fromJson(franklin);
        compareMinutes(straightProblem, table);
        if (solveSeconds > 0) {
            comparePlans(straightProblem, roadProblem.withTravelMinutes(table.minutes()), table, solveSeconds);
        }
    }

    private static FieldPlanProblem franklin(Path data) {
        Path precincts = data.resolve("precincts/OH_franklin_precincts.zip");
        ImportReport report = PrecinctImporter.read(precincts, data.resolve("results/ohio_2018_results.csv"),
                PrecinctMapping.load(MAPPING), false).report();
        if (!report.accepted()) {
            throw new IllegalStateException(precincts + " was rejected: " + String.join("; ", report.errorLines()));
        }
        return RealRegionProblem.build("Franklin County 3000", report.precincts(),
                data.resolve("census/cenpop2020_bg_OH_franklin.csv"), VOLUNTEERS, SEED);
    }

    /**
     * Reachability flips over the union of pairs either way finds within the volunteer's limit, and the
     * straight-line error on pairs both find (only pairs routed by road at both ends: the others are equal).
     */
    private static void compareMinutes(FieldPlanProblem problem, RoadTravelTable table) {
        GreatCircleTravelTimeMatrix straight = new GreatCircleTravelTimeMatrix(problem.precincts(), problem.travel());
        long onlyStraight = 0;
        long onlyRoad = 0;
        List<Double> errors = new ArrayList<>();
        for (var volunteer : problem.volunteers()) {
            if (table.report().volunteersEstimated().contains(volunteer.getId())) {
                continue;
            }
            Map<String, Double> byRoad = new HashMap<>();
            table.byVolunteer().get(volunteer.getId()).forEach(p -> byRoad.put(p.precinct().getId(), p.minutes()));
            Map<String, Double> byLine = new HashMap<>();
            for (PrecinctTravel p : straight.within(volunteer, volunteer.getMaxTravelMinutes())) {
                if (!table.report().precinctsEstimated().contains(p.precinct().getId())) {
                    byLine.put(p.precinct().getId(), p.minutes());
                }
            }
            byRoad.keySet().removeAll(table.report().precinctsEstimated());
            for (var pair : byLine.entrySet()) {
                Double road = byRoad.get(pair.getKey());
                if (road == null) {
                    onlyStraight++;
                } else {
                    errors.add(pair.getValue() - road);
                }
            }
            onlyRoad += byRoad.keySet().stream().filter(id -> !byLine.containsKey(id)).count();
        }
        long union = onlyStraight + onlyRoad + errors.size();
        double[] absolute = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        double[] signed = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "pairs routed at both ends, within the limit either way: %d; reachable only in a"
                + " straight line %d (%.1f %%), only by road %d (%.1f %%); flipped %.1f %%%n", union, onlyStraight,
                100.0 * onlyStraight / union, onlyRoad, 100.0 * onlyRoad / union,
                100.0 * (onlyStraight + onlyRoad) / union);
        System.out.printf(Locale.ROOT, "straight line minus road, pairs both reach (%d): |error| median %.1f min, 95th"
                + " percentile %.1f min; signed median %.1f min%n", absolute.length, quantile(absolute, 0.5),
                quantile(absolute, 0.95), quantile(signed, 0.5));
    }

    private static void comparePlans(FieldPlanProblem straightProblem, FieldPlanProblem roadProblem,
            RoadTravelTable table, int seconds) {
        FieldPlan straight = solve(ProblemPreparer.prepare(straightProblem), seconds);
        FieldPlan road = solve(ProblemPreparer.prepare(roadProblem), seconds);
        Map<String, String> roadPrecinct = new HashMap<>();
        road.getShifts().forEach(s -> roadPrecinct.put(key(s), s.getPrecinct() == null ? null
                : s.getPrecinct().getId()));
        SparseTravelTimeMatrix byRoad = table.matrix();
        int moved = 0;
        int assigned = 0;
        int outOfReachByRoad = 0;
        for (Shift shift : straight.getShifts()) {
            String here = shift.getPrecinct() == null ? null : shift.getPrecinct().getId();
            if (here != null) {
                assigned++;
                double minutes = byRoad.minutes(shift.getVolunteer(), shift.getPrecinct());
                if (minutes > shift.getVolunteer().getMaxTravelMinutes()) {
                    outOfReachByRoad++;
                }
            }
            if (!Objects.equals(here, roadPrecinct.get(key(shift)))) {
                moved++;
            }
        }
        PlanSummary a = PlanSummary.of(straight);
        PlanSummary b = PlanSummary.of(road);
        System.out.printf(Locale.ROOT, "plan, straight line (%d s): %s, expected net votes %.2f, %d shifts assigned; "
                + "%d of them past the volunteer's limit by road%n", seconds, a.score(), a.expectedNetVotes(),
                a.assignedShifts(), outOfReachByRoad);
        System.out.printf(Locale.ROOT, "plan, by road (%d s): %s, expected net votes %.2f, %d shifts assigned%n",
                seconds, b.score(), b.expectedNetVotes(), b.assignedShifts());
        System.out.printf(Locale.ROOT, "shifts whose precinct differs between the two plans: %d of %d offered (%d "
                + "assigned in the straight-line plan)%n", moved, straight.getShifts().size(), assigned);
    }

    private static FieldPlan solve(FieldPlan prepared, int seconds) {
        return FieldPlanSolver.withTimeLimit(Duration.ofSeconds(seconds)).solve(prepared, best -> { }).plan();
    }

    private static String key(Shift shift) {
        return shift.getVolunteer().getId() + "/" + shift.getSlot().getId();
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
