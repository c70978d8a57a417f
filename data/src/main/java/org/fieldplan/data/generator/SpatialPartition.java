package org.fieldplan.data.generator;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits points into a given number of compact, near-equal groups by recursive coordinate bisection: cut the
 * points across the longer side of their bounding box, giving each side a share of the points proportional to the
 * groups it will hold, and recurse. Used for house districts (≈12 precincts), senate districts (2–3 house
 * districts) and organizers' turfs (≈25 volunteers). Ties are broken by point index, so the result is deterministic.
 */
final class SpatialPartition {

    private final double[] x;
    private final double[] y;
    private final Integer[] order;
    private final int[] groupOf;
    private int nextGroup;

    private SpatialPartition(double[] x, double[] y) {
        this.x = x;
        this.y = y;
        this.order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        this.groupOf = new int[x.length];
    }

    /**
     * The group (0 … groupCount−1, numbered so that consecutive groups are neighbours in the cut tree) of each
     * point. Every group gets ⌊n/k⌋ or ⌈n/k⌉ points, give or take one per level of the tree.
     */
    static int[] partition(double[] x, double[] y, int groupCount) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        SpatialPartition partition = new SpatialPartition(x, y);
        if (x.length > 0) {
            partition.split(0, x.length, Math.max(1, Math.min(groupCount, x.length)));
        }
        return partition.groupOf;
    }

    private void split(int from, int to, int groups) {
        if (groups == 1) {
            int group = nextGroup++;
            for (int i = from; i < to; i++) {
                groupOf[order[i]] = group;
            }
            return;
        }
        double[] axis = widerAxis(from, to);
        Arrays.sort(order, from, to,
                Comparator.<Integer>comparingDouble(i -> axis[i]).thenComparingInt(Integer::intValue));
        int leftGroups = groups / 2;
        int cut = from + (int) Math.round((double) (to - from) * leftGroups / groups);
        split(from, cut, leftGroups);
        split(cut, to, groups - leftGroups);
    }

    private double[] widerAxis(int from, int to) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            int point = order[i];
            minX = Math.min(minX, x[point]);
            maxX = Math.max(maxX, x[point]);
            minY = Math.min(minY, y[point]);
            maxY = Math.max(maxY, y[point]);
        }
        return maxX - minX >= maxY - minY ? x : y;
    }
}
