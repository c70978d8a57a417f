package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelTimeMatrix;
import org.junit.jupiter.api.Test;

/** The generated region makes a problem worth solving: volunteers can reach turf, and turf is worth their time. */
class GeneratedProblemPreparationTest {

    private static final FieldPlan PLAN = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.M, 7));

    @Test
    void mostVolunteersCanReachSomePrecinctWorthCanvassing() {
        List<Volunteer> volunteers = PLAN.getVolunteers();
        long withCandidates = volunteers.stream().filter(v -> !v.getCandidatePrecincts().isEmpty()).count();
        assertThat((double) withCandidates / volunteers.size()).isGreaterThan(0.80);
        long offeringUsefulTime = volunteers.stream().filter(Volunteer::isOffersUsefulTime).count();
        assertThat(offeringUsefulTime).isEqualTo(withCandidates);
    }

    @Test
    void aUsefulFractionOfPrecinctsIsWorthCanvassingAndSomeArePivotal() {
        List<Precinct> precincts = PLAN.getPrecincts();
        List<Precinct> worth = precincts.stream().filter(Precinct::isWorthCanvassing).toList();
        assertThat((double) worth.size() / precincts.size()).isBetween(0.25, 0.75);
        assertThat(worth).allSatisfy(p -> assertThat(p.getSupportShare()).isGreaterThan(0.5));
        // Close districts exist: a fair share of the worthwhile turf has real pivotality.
        long pivotal = worth.stream().filter(p -> p.getPivotality() > 0.5).count();
        assertThat((double) pivotal / worth.size()).isGreaterThan(0.2);
    }

    /**
     * With heavy-tailed values the best precincts are worth far more per door than the median one, as in real states
     * (Rhode Island: maximum ÷ median ≈ 45), while the even generator's spread is narrow.
     */
    @Test
    void heavyTailedValuesSpreadLikeARealState() {
        FieldPlan heavy = ProblemPreparer.prepare(
                new RegionGenerator().generate(RegionSize.M, 7, RegionGenerator.ValueSpread.HEAVY_TAILED));

        double heavySpread = maxOverMedianValuePerDoor(heavy);
        double evenSpread = maxOverMedianValuePerDoor(PLAN);

        assertThat(heavySpread).as("heavy-tailed max/median value per door").isGreaterThan(20);
        assertThat(heavySpread).as("against even %.1f", evenSpread).isGreaterThan(3 * evenSpread);
        assertThat(heavy.getPrecincts()).hasSameSizeAs(PLAN.getPrecincts());
    }

    /**
     * A volunteer who can reach more servable precincts than the limit gets the nearest ten and, of the rest, those
     * worth most for one shift: no precinct left out beyond the nearest ten is worth more than one taken in.
     */
    @Test
    void candidatesAreTheNearestTenAndTheMostValuable() {
        FieldPlan heavy = ProblemPreparer.prepare(
                new RegionGenerator().generate(RegionSize.M, 7, RegionGenerator.ValueSpread.HEAVY_TAILED));
        TravelTimeMatrix travel = ProblemPreparer.greatCircleTravelTimes(heavy);
        int limit = heavy.getTravel().maxCandidatesPerVolunteer();
        int checked = 0;
        for (Volunteer volunteer : heavy.getVolunteers()) {
            List<Precinct> servable = ProblemPreparer.candidates(volunteer, travel, Integer.MAX_VALUE).stream()
                    .map(PrecinctTravel::precinct).toList();
            if (servable.size() <= limit) {
                continue;
            }
            checked++;
            List<Precinct> candidates = volunteer.getCandidatePrecincts();
            assertThat(candidates).hasSize(limit)
                    .containsAll(servable.subList(0, ProblemPreparer.NEAREST_CANDIDATES));
            double leastTakenIn = candidates.stream().filter(p -> !servable.subList(0,
                    ProblemPreparer.NEAREST_CANDIDATES).contains(p)).mapToDouble(p -> p.oneShiftValue(3)).min()
                    .orElseThrow();
            assertThat(servable).filteredOn(p -> !candidates.contains(p))
                    .allSatisfy(p -> assertThat(p.oneShiftValue(3)).isLessThanOrEqualTo(leastTakenIn));
        }
        assertThat(checked).as("volunteers with more servable precincts than the limit").isGreaterThan(100);
    }

    private static double maxOverMedianValuePerDoor(FieldPlan plan) {
        double[] perDoor = plan.getPrecincts().stream().filter(Precinct::isWorthCanvassing)
                .mapToDouble(p -> p.getFullCoverageVotes() / p.getRemainingDoors()).sorted().toArray();
        return perDoor[perDoor.length - 1] / perDoor[perDoor.length / 2];
    }

    @Test
    void densityDrivesDoorsPerHour() {
        List<Precinct> precincts = PLAN.getPrecincts();
        assertThat(precincts).anySatisfy(p -> assertThat(p.getDoorsPerHour()).isEqualTo(25.0));
        assertThat(precincts).anySatisfy(p -> assertThat(p.getDoorsPerHour()).isEqualTo(15.0));
        // Each slot of a worthwhile precinct can take at least a canvassing pair.
        assertThat(precincts).filteredOn(Precinct::isWorthCanvassing)
                .allSatisfy(p -> assertThat(p.getCapacityPerSlot()).isGreaterThanOrEqualTo(2));
    }
}
