package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Shift;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Weights are per problem: the same plan scores differently under different weights, with no rebuild. */
class PerProblemWeightsTest {

    private final FieldPlanSolver solver = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1));

    @Test
    void changingAWeightRescoresTheSamePlan() {
        FieldPlan plan = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 7));
        GreedyPlanner.planInPlace(plan);
        long travelMinutes = plan.getShifts().stream().mapToLong(Shift::getTravelMinutes).sum();
        assertThat(travelMinutes).isPositive();

        HardMediumSoftLongScore withDefaults = solver.score(plan);
        FieldPlanWeights heavierTravel = new FieldPlanWeights();
        heavierTravel.setTravelTime(HardMediumSoftLongScore.ofSoft(1_020));
        plan.setWeights(heavierTravel);
        HardMediumSoftLongScore withHeavierTravel = solver.score(plan);

        assertThat(withDefaults.softScore() - withHeavierTravel.softScore()).isEqualTo(1_000 * travelMinutes);
    }

    @Test
    void buddyRuleCanBeSwitchedOff() {
        FieldPlan plan = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 7));
        Shift lone = plan.getShifts().stream()
                .filter(s -> !s.getCandidatePrecincts().isEmpty()
                        && s.getCandidatePrecincts().get(0).getRequiredLanguages().isEmpty())
                .findFirst().orElseThrow();
        lone.setPrecinct(lone.getCandidatePrecincts().get(0));
        assertThat(solver.score(plan).hardScore()).isEqualTo(-1);

        FieldPlanWeights soloAllowed = new FieldPlanWeights();
        soloAllowed.setBuddyRule(HardMediumSoftLongScore.ZERO);
        plan.setWeights(soloAllowed);
        assertThat(solver.score(plan).hardScore()).isZero();
    }
}
