package org.fieldplan.data.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A share that is high in a few neighbourhoods and low elsewhere: a baseline plus Gaussian bumps. Used for the
 * Hispanic voting-age share, which in real regions concentrates in particular urban neighbourhoods and towns, so
 * bump centres are drawn near settlements (weighted by their size) at a distance of about their scale.
 */
final class ClusterField {

    private final double baseline;
    private final double[] x;
    private final double[] y;
    private final double[] sigma;
    private final double[] peak;

    ClusterField(List<Settlement> settlements, int clusters, double baseline, double minPeak, double maxPeak,
            SplittableRandom random) {
        this.baseline = baseline;
        this.x = new double[clusters];
        this.y = new double[clusters];
        this.sigma = new double[clusters];
        this.peak = new double[clusters];
        double totalShare = settlements.stream().mapToDouble(Settlement::seedShare).sum();
        for (int i = 0; i < clusters; i++) {
            Settlement near = pickBySize(settlements, totalShare, random);
            x[i] = near.xKm() + near.scaleKm() * random.nextGaussian();
            y[i] = near.yKm() + near.scaleKm() * random.nextGaussian();
            sigma[i] = near.scaleKm() * (0.5 + 0.5 * random.nextDouble());
            peak[i] = minPeak + (maxPeak - minPeak) * random.nextDouble();
        }
    }

    private static Settlement pickBySize(List<Settlement> settlements, double totalShare, SplittableRandom random) {
        double pick = random.nextDouble() * totalShare;
        for (Settlement settlement : settlements) {
            pick -= settlement.seedShare();
            if (pick < 0) {
                return settlement;
            }
        }
        return settlements.get(settlements.size() - 1);
    }

    /** Baseline plus every bump at the point; may exceed 1 where bumps overlap (callers clamp). */
    double valueAt(double px, double py) {
        double value = baseline;
        for (int i = 0; i < x.length; i++) {
            double d2 = (px - x[i]) * (px - x[i]) + (py - y[i]) * (py - y[i]);
            value += peak[i] * Math.exp(-d2 / (2 * sigma[i] * sigma[i]));
        }
        return value;
    }
}
