package org.fieldplan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.ProblemPreparer;
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
