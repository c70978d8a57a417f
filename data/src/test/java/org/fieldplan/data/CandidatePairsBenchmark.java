package org.fieldplan.data;

import java.time.LocalDate;
import java.util.UUID;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.generator.RegionGenerator;
import org.fieldplan.generator.RegionSize;

/**
 * Candidate-pair computation time for the generated L region (5,000 precincts, 20,000 volunteers, seed 7) in memory
 * and in PostGIS. A main class rather than a test, as it takes a minute and measures rather than checks: run it with
 * {@code scripts/benchmark-candidate-pairs.sh} (see docs/benchmarks.md).
 */
public final class CandidatePairsBenchmark {

    private static final int RUNS = 3;

    private CandidatePairsBenchmark() {
    }

    public static void main(String[] args) {
        long generateStart = System.nanoTime();
        FieldPlanProblem region = new RegionGenerator().generate(RegionSize.L, 7);
        System.out.printf("BENCHMARK generated %,d precincts, %,d volunteers, %d slots in %.1f s%n",
                region.precincts().size(), region.volunteers().size(), region.timeSlots().size(),
                (System.nanoTime() - generateStart) / 1e9);
        long inMemory = measure("in-memory", DataStores.inMemory(), region);
        long postgis = measure("PostGIS", DataStores.postgis(TestDatabase.dataSource()), region);
        if (inMemory != postgis) {
            throw new IllegalStateException("the stores disagree: " + inMemory + " vs " + postgis + " pairs");
        }
    }

    /** Saves the region, then computes its candidate pairs {@link #RUNS} times; returns the number of pairs. */
    private static long measure(String name, DataStores stores, FieldPlanProblem region) {
        String regionId = "bench-" + UUID.randomUUID();
        long saveStart = System.nanoTime();
        stores.regions().save(regionId, region);
        double saveSeconds = (System.nanoTime() - saveStart) / 1e9;
        FieldPlanProblem problem = stores.regions().load(ProblemQuery.of(regionId, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        double best = Double.MAX_VALUE;
        long pairs = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            SparseTravelTimeMatrix matrix = stores.candidatePairs().compute(regionId, problem);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK %-9s run %d: %.2f s%n", name, run + 1, seconds);
            best = Math.min(best, seconds);
            pairs = matrix.pairCount();
        }
        System.out.printf("BENCHMARK %-9s import %.2f s, candidate pairs best of %d: %.2f s, %,d pairs%n", name,
                saveSeconds, RUNS, best, pairs);
        return pairs;
    }
}
