package org.fieldplan.benchmarks.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldplan.benchmarks.BenchmarkProblems;

/**
 * Command-line options of {@link BenchmarkSuite}.
 *
 * <pre>
 * --xl                     also run XL (20,000 precincts, 80,000 volunteers)
 * --only S,RI              run only these instances (S, M, RI, RI_VOTES, NH, NH_VOTES, CT, CT_VOTES, L, XL; and
 *                          the deployment ones, only run when named: M_STAGED, M_DEPLOY, NH_STAGED_VOTES,
 *                          NH_DEPLOY_VOTES, CT_STAGED_VOTES, CT_DEPLOY_VOTES, NH_STAGED_HALF_VOTES,
 *                          NH_DEPLOY_HALF_VOTES)
 * --seconds 20             the same solve limit for every instance
 * --seconds S=5,L=30       per-instance limits; others keep their defaults
 * --out DIR                output folder (default out/bench-suite)
 * --data DIR               shared data folder with the real regions (default ../shared/data)
 * --candidates N           each volunteer's candidate precincts (travel.maxCandidatesPerVolunteer, default 40)
 * --no-bound               skip the flow upper bound (its % of bound figures are then NaN)
 * --solver-config FILE     solve with this OptaPlanner XML instead of the product's (to compare search settings)
 * --figures FILE           afterwards, refresh this figures file's suite rows and the table of --doc
 * --doc FILE               the document with the figures table (default docs/benchmarks.md)
 * </pre>
 *
 * @param instances the instances to run, in suite order
 * @param seconds solve limit per instance
 * @param solverConfig an OptaPlanner solver XML to solve with instead of the product's; null for the product's
 * @param splitAbove regions with more shifts than this are solved in parts; null for the product's threshold
 *     ({@code PartitionedSearch.SPLIT_ABOVE_SHIFTS})
 * @param figures the figures file ({@code benchmarks/figures.json}) to refresh after the run; null to leave it
 * @param doc the document whose figures table is regenerated with {@code figures}
 */
record SuiteOptions(List<SuiteInstance> instances, Map<SuiteInstance, Integer> seconds, Path out, Path data,
        Integer candidates, boolean bound, Path solverConfig, Integer splitAbove, Path figures, Path doc) {

    static final String USAGE = "usage: BenchmarkSuite [--xl] [--only S,M,RI,NH,CT,RI_VOTES,...,L,XL] "
            + "[--seconds N | --seconds S=N,...] [--out DIR] [--data DIR] [--candidates N] [--no-bound] [--solver-config FILE] [--split-above SHIFTS]"
            + " [--figures benchmarks/figures.json [--doc docs/benchmarks.md]]";

    /** @throws IllegalArgumentException with {@link #USAGE} on an unknown or malformed option */
    static SuiteOptions parse(String... args) {
        boolean xl = false;
        List<SuiteInstance> only = null;
        Map<SuiteInstance, Integer> seconds = new EnumMap<>(SuiteInstance.class);
        for (SuiteInstance instance : SuiteInstance.values()) {
            seconds.put(instance, instance.defaultSeconds());
        }
        Path out = Path.of("out", "bench-suite");
        Path data = BenchmarkProblems.DEFAULT_DATA;
        Integer candidates = null;
        boolean bound = true;
        Path solverConfig = null;
        Integer splitAbove = null;
        Path figures = null;
        Path doc = Path.of("docs", "benchmarks.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--xl" -> xl = true;
                case "--only" -> only = parseInstances(value(args, ++i));
                case "--seconds" -> parseSeconds(value(args, ++i), seconds);
                case "--out" -> out = Path.of(value(args, ++i));
                case "--data" -> data = Path.of(value(args, ++i));
                case "--candidates" -> candidates = positive(value(args, ++i));
                case "--no-bound" -> bound = false;
                case "--solver-config" -> solverConfig = Path.of(value(args, ++i));
                case "--split-above" -> splitAbove = positive(value(args, ++i));
                case "--figures" -> figures = Path.of(value(args, ++i));
                case "--doc" -> doc = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        List<SuiteInstance> instances = new ArrayList<>();
        for (SuiteInstance instance : SuiteInstance.values()) {
            boolean selected = only != null ? only.contains(instance) : !instance.optIn() || xl && instance == SuiteInstance.XL;
            if (selected) {
                instances.add(instance);
            }
        }
        return new SuiteOptions(List.copyOf(instances), Map.copyOf(seconds), out, data, candidates, bound,
                solverConfig, splitAbove, figures, doc);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static List<SuiteInstance> parseInstances(String list) {
        List<SuiteInstance> instances = new ArrayList<>();
        for (String name : list.split(",")) {
            instances.add(instance(name));
        }
        return instances;
    }

    private static void parseSeconds(String spec, Map<SuiteInstance, Integer> seconds) {
        if (!spec.contains("=")) {
            int all = positive(spec);
            seconds.replaceAll((instance, old) -> all);
            return;
        }
        for (String pair : spec.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--seconds expects N or NAME=N,...: " + spec + "\n" + USAGE);
            }
            seconds.put(instance(parts[0]), positive(parts[1]));
        }
    }

    private static SuiteInstance instance(String name) {
        try {
            return SuiteInstance.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown instance " + name + " (" + Arrays.toString(SuiteInstance.values())
                    + ")\n" + USAGE, e);
        }
    }

    private static int positive(String number) {
        try {
            int value = Integer.parseInt(number.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the usage line
        }
        throw new IllegalArgumentException("expected a positive whole number: " + number + "\n" + USAGE);
    }
}
