package org.fieldplan.data.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The few sampling helpers the generator needs on top of {@link SplittableRandom}. */
final class Distributions {

    private Distributions() {
    }

    /** An index drawn with probability proportional to its weight. */
    static int pickIndex(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code count} distinct indexes drawn by weight without replacement, as a membership mask. */
    static boolean[] pickDistinct(double[] weights, int count, SplittableRandom random) {
        double[] remaining = weights.clone();
        boolean[] picked = new boolean[weights.length];
        for (int n = 0; n < Math.min(count, weights.length); n++) {
            int index = pickIndex(remaining, random);
            picked[index] = true;
            remaining[index] = 0;
        }
        return picked;
    }

    /**
     * Beta(a, b) for whole a and b: the a-th smallest of a + b − 1 uniforms. Exact, and needs no gamma sampler.
     */
    static double beta(int a, int b, SplittableRandom random) {
        double[] uniforms = new double[a + b - 1];
        for (int i = 0; i < uniforms.length; i++) {
            uniforms[i] = random.nextDouble();
        }
        Arrays.sort(uniforms);
        return uniforms[a - 1];
    }

    /**
     * An index drawn with probability proportional to its weight, given the running sums of the weights: O(log n),
     * for large tables. A zero-weight index is never returned.
     */
    static int pickCumulative(double[] cumulative, SplittableRandom random) {
        double pick = random.nextDouble() * cumulative[cumulative.length - 1];
        int position = Arrays.binarySearch(cumulative, pick);
        int index = Math.min(position >= 0 ? position + 1 : -position - 1, cumulative.length - 1);
        // An exact hit on a running sum can land on a zero-weight index; move to the next index with weight.
        while (index < cumulative.length - 1 && cumulative[index] == (index == 0 ? 0 : cumulative[index - 1])) {
            index++;
        }
        return index;
    }
}
