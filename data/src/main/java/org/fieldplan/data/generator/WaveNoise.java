package org.fieldplan.data.generator;

import java.util.SplittableRandom;

/**
 * Smooth spatial noise: a sum of plane waves with random directions, wavelengths and phases. Nearby places get
 * similar values, places a wavelength apart unrelated ones, which is how political leanings vary beyond what
 * urbanity explains.
 */
final class WaveNoise {

    private final double[] kx;
    private final double[] ky;
    private final double[] phase;
    private final double amplitude;

    /**
     * @param amplitude amplitude of each wave; the field's standard deviation is amplitude·√(waves/2)
     */
    WaveNoise(int waves, double minWavelengthKm, double maxWavelengthKm, double amplitude, SplittableRandom random) {
        this.kx = new double[waves];
        this.ky = new double[waves];
        this.phase = new double[waves];
        this.amplitude = amplitude;
        for (int i = 0; i < waves; i++) {
            double wavelength = minWavelengthKm + (maxWavelengthKm - minWavelengthKm) * random.nextDouble();
            double direction = 2 * Math.PI * random.nextDouble();
            kx[i] = 2 * Math.PI / wavelength * Math.cos(direction);
            ky[i] = 2 * Math.PI / wavelength * Math.sin(direction);
            phase[i] = 2 * Math.PI * random.nextDouble();
        }
    }

    double valueAt(double x, double y) {
        double sum = 0;
        for (int i = 0; i < kx.length; i++) {
            sum += Math.sin(kx[i] * x + ky[i] * y + phase[i]);
        }
        return amplitude * sum;
    }
}
