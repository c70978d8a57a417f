package org.fieldplan.benchmarks.optimum;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Remembers when the solver's best plan improved and its soft score, for feasible (0 hard) bests only, so that one
 * solve answers "how good after 1 s, after 10 s". Times count from construction, just before the solve starts.
 */
final class FeasibleBestOverTime implements Consumer<FieldPlan> {

    private record Improvement(long millis, long softScore) {
    }

    private final long startNanos = System.nanoTime();
    private final List<Improvement> improvements = new ArrayList<>();

    @Override
    public void accept(FieldPlan best) {
        HardMediumSoftLongScore score = best.getScore();
        if (score != null && score.isSolutionInitialized() && score.hardScore() == 0) {
            improvements.add(new Improvement((System.nanoTime() - startNanos) / 1_000_000, score.softScore()));
        }
    }

    /** The soft score of the last feasible best found by {@code millis}; null if there was none yet. */
    Long bestAt(long millis) {
        Long best = null;
        for (Improvement improvement : improvements) {
            if (improvement.millis() <= millis) {
                best = improvement.softScore();
            }
        }
        return best;
    }
}
