package org.fieldplan.solver.partition;

/**
 * Where a partitioned solve is.
 *
 * @param round the round under way, from 1 (each round cuts the region anew)
 * @param rounds the rounds planned; a round the remaining time cannot give every part its least time is skipped
 * @param parts the parts of this round
 * @param partsDone the parts of this round whose solve has ended
 */
public record PartitionProgress(int round, int rounds, int parts, int partsDone) {
}
