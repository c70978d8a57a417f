package org.fieldplan.vote;

/**
 * A volunteer's attendance probability learned from what happened in their past shifts (docs/model.md, "Learned
 * attendance"): a Beta prior centred on the organizer's estimate p₀ with the weight of {@code priorShifts} shifts,
 * α = p₀·n₀ and β = (1 − p₀)·n₀, updated per shift — a shift worked adds 1 to α, a no-show adds 1 to β, a shift
 * cancelled ahead ("I can't make it") adds {@link #CANCELLED_WEIGHT} to β — and the posterior mean
 * α / (α + β) is the probability the next plan uses.
 */
public final class LearnedAttendance {

    /** A cancellation ahead of time lets the plan be repaired, so it counts as half a no-show. */
    public static final double CANCELLED_WEIGHT = 0.5;

    private LearnedAttendance() {
    }

    /**
     * @param prior the organizer's estimate p₀, in [0, 1]
     * @param priorShifts n₀ &gt; 0: how many shifts of evidence the estimate is worth
     * @param worked shifts worked (reported)
     * @param noShows shifts the volunteer did not come to
     * @param cancelled shifts they cancelled ahead of time
     * @return the posterior mean, in [0, 1]
     */
    public static double posteriorMean(double prior, double priorShifts, int worked, int noShows, int cancelled) {
        if (!(prior >= 0 && prior <= 1) || !(priorShifts > 0) || worked < 0 || noShows < 0 || cancelled < 0) {
            throw new IllegalArgumentException("need 0 <= prior <= 1, priorShifts > 0 and counts >= 0");
        }
        double alpha = prior * priorShifts + worked;
        double beta = (1 - prior) * priorShifts + noShows + CANCELLED_WEIGHT * cancelled;
        return alpha / (alpha + beta);
    }
}
