package org.fieldplan.data.generator;

/**
 * A city or town of the synthetic region, in plane kilometres. Its precinct seed points have a planar density
 * proportional to exp(−r/scaleKm), r the distance from its centre: dense in the middle, thinning outwards.
 *
 * @param seedShare share of the region's precinct seed points drawn around this settlement
 */
record Settlement(double xKm, double yKm, double scaleKm, double seedShare) {

    /** Expected seed points per km² at (x, y) contributed by this settlement, for {@code totalSeeds} seeds. */
    double seedDensity(double x, double y, int totalSeeds) {
        double r = Math.hypot(x - xKm, y - yKm);
        return totalSeeds * seedShare * Math.exp(-r / scaleKm) / (2 * Math.PI * scaleKm * scaleKm);
    }
}
