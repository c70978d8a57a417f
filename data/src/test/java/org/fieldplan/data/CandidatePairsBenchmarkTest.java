package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.domain.FieldPlanProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Candidate-pair computation time at L size (5,000 precincts, 20,000 volunteers over a state-sized 3°×2.8° area) in
 * PostGIS and in memory. Opt-in, as it takes a minute: see docs/benchmarks.md for the command.
 */
@EnabledIfSystemProperty(named = "fieldplan.benchmark", matches = "true")
class CandidatePairsBenchmarkTest {

    private static final int PRECINCTS = 5_000;
    private static final int VOLUNTEERS = 20_000;
    private static final int RUNS = 3;

    @Test
    void candidatePairsAtSizeL() {
        FieldPlanProblem region = TestRegions.random(PRECINCTS, VOLUNTEERS, 3.0, 7);
        measure("in-memory", DataStores.inMemory(), region);
        measure("PostGIS", DataStores.postgis(PostgisStoreContractTest.TestDatabase.dataSource()), region);
    }

    private static void measure(String name, DataStores stores, FieldPlanProblem region) {
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
        assertThat(pairs).isPositive();
    }
}
