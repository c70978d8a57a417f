package org.fieldplan.data;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.travel.PrecinctTravel;

/**
 * Candidate-pair computation time for the generated L region (5,000 precincts, 20,000 volunteers, seed 7) in memory
 * and in PostGIS. A main class rather than a test, as it takes a minute and measures rather than checks: run it with
 * {@code scripts/benchmark-candidate-pairs.sh} (see docs/benchmarks.md). It fails unless both stores return the same
 * pairs, in the same order, with the same minutes.
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
        SparseTravelTimeMatrix inMemory = measure("in-memory", DataStores.inMemory(), region);
        SparseTravelTimeMatrix postgis = measure("PostGIS", DataStores.postgis(TestDatabase.dataSource()), region);
        for (Volunteer volunteer : region.volunteers()) {
            List<String> expected = described(inMemory.pairs(volunteer.getId()));
            if (!expected.equals(described(postgis.pairs(volunteer.getId())))) {
                throw new IllegalStateException("the stores disagree on the pairs of volunteer " + volunteer.getId());
            }
        }
        System.out.printf("BENCHMARK both stores agree pair for pair (precinct and minutes, in order): %,d pairs%n",
                postgis.pairCount());
    }

    private static List<String> described(List<PrecinctTravel> pairs) {
        return pairs.stream().map(p -> p.precinct().getId() + "=" + p.minutes()).toList();
    }

    /** Saves the region, then computes its candidate pairs {@link #RUNS} times; returns the last result. */
    private static SparseTravelTimeMatrix measure(String name, DataStores stores, FieldPlanProblem region) {
        String regionId = "bench-" + UUID.randomUUID();
        long saveStart = System.nanoTime();
        stores.regions().save(regionId, region);
        double saveSeconds = (System.nanoTime() - saveStart) / 1e9;
        FieldPlanProblem problem = stores.regions().load(ProblemQuery.of(regionId, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        double best = Double.MAX_VALUE;
        SparseTravelTimeMatrix matrix = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            matrix = stores.candidatePairs().compute(regionId, problem);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK %-9s run %d: %.2f s%n", name, run + 1, seconds);
            best = Math.min(best, seconds);
        }
        System.out.printf("BENCHMARK %-9s import %.2f s, candidate pairs best of %d: %.2f s, %,d pairs%n", name,
                saveSeconds, RUNS, best, matrix.pairCount());
        return matrix;
    }
}
