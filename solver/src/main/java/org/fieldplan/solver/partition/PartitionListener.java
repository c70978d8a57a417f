package org.fieldplan.solver.partition;

/**
 * Hears how the parts of a partitioned solve advance ({@link PartitionedSearch}): at the start of each round and
 * each time a part's solve ends. The API reports it as the job's progress. Called from the part threads, so an
 * implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface PartitionListener {

    /** Hears nothing. */
    PartitionListener NONE = progress -> { };

    void progressed(PartitionProgress progress);
}
