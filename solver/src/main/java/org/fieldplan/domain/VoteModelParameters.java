package org.fieldplan.domain;

/**
 * The named, overridable inputs of the marginal-vote model. Defaults and their sources are in
 * {@code docs/model.md} (from the field-facts sheet).
 *
 * @param contactRate share of knocked doors where someone answers (≈25%, range 10–50%)
 * @param votesPerContact extra votes per contact from turnout canvassing (≈1/14, Green &amp; Gerber)
 * @param denseDoorsPerHour doors one canvasser knocks per hour in dense urban turf (≈25, Wellstone)
 * @param suburbanDoorsPerHour doors per hour in suburban turf (≈15, Wellstone)
 * @param denseVotersPerKm2 registered voters per km² from which a precinct counts as dense urban
 * @param suburbanVotersPerKm2 registered voters per km² at or below which a precinct counts as suburban
 * @param registeredVotersPerDoor registered voters per household door (persons-per-door factor)
 * @param pivotalitySigma standard deviation of a district's forecast margin; w = exp(−m²/2σ²)
 * @param maxCanvassersPerSlot upper bound on the derived per-slot capacity of any precinct
 * @param standardShiftHours shift length used to derive capacity (3–4 h walk shifts)
 */
public record VoteModelParameters(
        double contactRate,
        double votesPerContact,
        double denseDoorsPerHour,
        double suburbanDoorsPerHour,
        double denseVotersPerKm2,
        double suburbanVotersPerKm2,
        double registeredVotersPerDoor,
        double pivotalitySigma,
        int maxCanvassersPerSlot,
        double standardShiftHours) {

    public static final VoteModelParameters DEFAULTS =
            new VoteModelParameters(0.25, 1.0 / 14.0, 25, 15, 4000, 1000, 1.5, 0.10, 12, 3.0);
}
