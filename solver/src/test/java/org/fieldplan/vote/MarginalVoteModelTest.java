package org.fieldplan.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.testing.Fixtures.derive;
import static org.fieldplan.testing.Fixtures.precinct;

import java.util.Set;

import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.VoteModelParameters;
import org.junit.jupiter.api.Test;

class MarginalVoteModelTest {

    private final MarginalVoteModel model = new MarginalVoteModel(VoteModelParameters.DEFAULTS);

    @Test
    void eachMoreShiftAddsLessThanTheOneBefore() {
        Precinct precinct = derive(precinct("P1", 0.62, Set.of())).get(0);
        double d = precinct.getDoorsPerHour() * 3;
        double previousGain = Double.MAX_VALUE;
        for (int k = 1; k <= 40; k++) {
            double gain = votes(precinct, d, k) - votes(precinct, d, k - 1);
            assertThat(gain).isPositive().isLessThan(previousGain);
            previousGain = gain;
        }
        assertThat(votes(precinct, d, 400)).isCloseTo(precinct.getFullCoverageVotes(), within(1e-9));
    }

    @Test
    void marginalValuesSumToTheTotalWhateverTheAttendance() {
        Precinct precinct = derive(precinct("P1", 0.58, Set.of())).get(0);
        double[] attendance = {0.9, 0.4, 0.65, 1.0, 0.5};
        double[] hours = {3, 3, 4, 2, 3};
        double sumLog = 0;
        double sumOfMarginals = 0;
        for (int i = 0; i < attendance.length; i++) {
            sumOfMarginals += MarginalVoteModel.marginalVotes(precinct, sumLog, attendance[i], hours[i]);
            sumLog += precinct.logUncoveredShare(attendance[i], hours[i]);
        }
        assertThat(sumOfMarginals)
                .isCloseTo(MarginalVoteModel.expectedVotes(precinct, attendance, hours), within(1e-12));
    }

    @Test
    void sureShiftsGiveExactlyTheClosedFormValue() {
        Precinct precinct = derive(precinct("P1", 0.7, Set.of())).get(0);
        double d = precinct.getDoorsPerHour() * 3;
        double[] sure = {1, 1, 1, 1};
        double[] hours = {3, 3, 3, 3};
        double closedForm = precinct.getPivotality() * 0.25 * (1.0 / 14) * (2 * 0.7 - 1)
                * precinct.getRemainingDoors() * (1 - Math.pow(1 - d / precinct.getRemainingDoors(), 4));
        assertThat(MarginalVoteModel.expectedVotes(precinct, sure, hours)).isCloseTo(closedForm, within(1e-9));
        assertThat(votes(precinct, d, 4)).isCloseTo(closedForm, within(1e-9));
    }

    @Test
    void attendanceScalesTheFirstShift() {
        Precinct precinct = derive(precinct("P1", 0.6, Set.of())).get(0);
        double sure = MarginalVoteModel.marginalVotes(precinct, 0, 1.0, 3);
        assertThat(MarginalVoteModel.marginalVotes(precinct, 0, 0.6, 3)).isCloseTo(0.6 * sure, within(1e-12));
    }

    @Test
    void turnoutWorkWhereWeAreBehindLosesVotesAndIsNotWorthCanvassing() {
        Precinct behind = derive(precinct("P1", 0.4, Set.of())).get(0);
        assertThat(model.netVotesPerContact(0.4)).isNegative();
        assertThat(behind.getFullCoverageVotes()).isNegative();
        assertThat(MarginalVoteModel.marginalVotes(behind, 0, 1.0, 3)).isNegative();
        assertThat(behind.isWorthCanvassing()).isFalse();
        assertThat(model.netVotesPerContact(0.5)).isZero();
    }

    @Test
    void pivotalityFallsWithDistrictMargin() {
        assertThat(model.pivotality(0.5)).isEqualTo(1.0);
        assertThat(model.pivotality(0.55)).isCloseTo(Math.exp(-0.5), within(1e-12));
        assertThat(model.pivotality(0.70)).isLessThan(0.001);
        assertThat(model.pivotality(0.30)).isCloseTo(model.pivotality(0.70), within(1e-15));
    }

    @Test
    void precinctsWithoutDistrictsAreWeighedByTheMappedRaceOverTheRegionNotCountedAsTossUps() {
        // Equal ballots at 70 % and 50 % support: a 60/40 race over the region.
        Precinct safe = withoutDistricts(precinct("P1", 0.7, Set.of()));
        Precinct even = withoutDistricts(precinct("P2", 0.5, Set.of()));

        model.apply(java.util.List.of(safe, even), java.util.List.of());

        assertThat(MarginalVoteModel.regionWideSupportShare(java.util.List.of(safe, even))).isCloseTo(0.6,
                within(1e-12));
        assertThat(safe.getPivotality()).isCloseTo(model.pivotality(0.6), within(1e-12)).isLessThan(0.2);
        assertThat(even.getPivotality()).isEqualTo(safe.getPivotality());
    }

    private static Precinct withoutDistricts(Precinct p) {
        return new Precinct(p.getId(), p.getName(), p.getGeometry(), p.getRegisteredVoters(), p.getExpectedTurnout(),
                p.getSupportShare(), java.util.List.of(), null, null, p.getRequiredLanguages(), p.getRequiredSkills(),
                null, null, 0);
    }

    @Test
    void derivesDoorsCapacityAndDensityDependentPace() {
        assertThat(model.targetDoors(1500, 0.6)).isEqualTo(400);
        assertThat(model.doorsPerHour(10_000)).isEqualTo(25);
        assertThat(model.doorsPerHour(200)).isEqualTo(15);
        assertThat(model.doorsPerHour(2000)).isBetween(15.0, 25.0);
        assertThat(model.capacityPerSlot(0, 20)).isZero();
        assertThat(model.capacityPerSlot(30, 20)).isEqualTo(2);
        assertThat(model.capacityPerSlot(100_000, 20)).isEqualTo(12);
    }

    @Test
    void fieldResultsReduceRemainingDoorsAndValue() {
        Precinct fresh = derive(precinct("P1", 0.6, Set.of())).get(0);
        Precinct worked = derive(fresh.withDoorsAlreadyKnocked(300)).get(0);
        assertThat(worked.getRemainingDoors()).isEqualTo(fresh.getRemainingDoors() - 300);
        assertThat(worked.getFullCoverageVotes()).isLessThan(fresh.getFullCoverageVotes());
        // The first shift knocks as many doors either way; the doors already knocked show in every later one.
        double twoShiftsFresh = 2 * fresh.logUncoveredShare(1, 3);
        double twoShiftsWorked = 2 * worked.logUncoveredShare(1, 3);
        assertThat(MarginalVoteModel.marginalVotes(worked, twoShiftsWorked, 1, 3))
                .isLessThan(MarginalVoteModel.marginalVotes(fresh, twoShiftsFresh, 1, 3));
    }

    private static double votes(Precinct precinct, double doorsPerShift, int k) {
        return MarginalVoteModel.votesOfShifts(precinct.getFullCoverageVotes(), doorsPerShift,
                precinct.getRemainingDoors(), k);
    }
}
