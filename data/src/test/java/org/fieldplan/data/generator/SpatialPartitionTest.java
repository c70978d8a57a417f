package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SpatialPartitionTest {

    @Test
    void groupsAreNearlyEqualAndSpatiallyCompact() {
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[1_000];
        double[] y = new double[1_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 * random.nextDouble();
            y[i] = 100 * random.nextDouble();
        }
        int[] group = SpatialPartition.partition(x, y, 40);
        int[] sizes = new int[40];
        double[] minX = new double[40];
        double[] maxX = new double[40];
        Arrays.fill(minX, Double.POSITIVE_INFINITY);
        Arrays.fill(maxX, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < x.length; i++) {
            sizes[group[i]]++;
            minX[group[i]] = Math.min(minX[group[i]], x[i]);
            maxX[group[i]] = Math.max(maxX[group[i]], x[i]);
        }
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThanOrEqualTo(24);
        assertThat(Arrays.stream(sizes).max().orElseThrow()).isLessThanOrEqualTo(26);
        // 40 compact groups over a 100 × 100 square are about 16 × 16, far narrower than the square.
        for (int g = 0; g < 40; g++) {
            assertThat(maxX[g] - minX[g]).isLessThan(40.0);
        }
    }

    @Test
    void tiesAreBrokenByIndex() {
        double[] same = new double[10];
        assertThat(SpatialPartition.partition(same, same, 2)).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }
}
