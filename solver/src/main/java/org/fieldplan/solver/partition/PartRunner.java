package org.fieldplan.solver.partition;

import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

import org.fieldplan.domain.FieldPlan;

/**
 * Where the parts of a round are solved: on threads of this process ({@link PartThreads}, the default) or, in the API
 * with a shared database, by any instance of the cluster. Installed for a solve with
 * {@link PartitionedImprovement#runPartsOnThisThread}.
 */
@FunctionalInterface
public interface PartRunner {

    /**
     * One round's parts to solve.
     *
     * @param whole the plan being improved (read only)
     * @param round the round, from 1
     * @param parts the parts, each with its time limit in {@code limits}
     * @param budget the round's wall time: results later than that (and a short grace) are not waited for
     */
    record Round(FieldPlan whole, int round, List<PartPlan> parts, List<Duration> limits, Duration budget) {
    }

    /**
     * Solves the round's parts and returns each part's result ({@link PartPlan#solve}) in the order of
     * {@code round.parts()}; null for a part left without a result, which keeps its start plan. Calls
     * {@code partsDone} with the count of parts done each time a part's solve ends.
     */
    List<List<String>> solve(Round round, IntConsumer partsDone);
}
