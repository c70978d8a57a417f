package org.fieldplan.api.jobs;

import org.fieldplan.solver.partition.PartitionProgress;

/**
 * How far a large region solved in parts is, as a job's view and its events show it: while its parts run the best plan
 * stays the greedy one, so this is what moves.
 *
 * @param count the parts of the round under way
 * @param done how many of them have been solved
 * @param round the round under way, from 1 (each round cuts the region anew)
 * @param rounds the rounds planned (one may be skipped when too little time is left)
 */
public record PartsProgress(int count, int done, int round, int rounds) {

    /** The view of the solver's progress; null for null (not solved in parts). */
    static PartsProgress of(PartitionProgress progress) {
        return progress == null ? null
                : new PartsProgress(progress.parts(), progress.partsDone(), progress.round(), progress.rounds());
    }
}
