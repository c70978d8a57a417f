package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.testing.Fixtures.derive;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Every constraint, both ways: a case it penalizes (or rewards) by an exact amount and one it leaves alone. */
class FieldPlanConstraintProviderTest {

    private final ConstraintVerifier<FieldPlanConstraintProvider, FieldPlan> verifier =
            ConstraintVerifier.build(new FieldPlanConstraintProvider(), FieldPlan.class, Shift.class);

    private final TimeSlot satAm = slot("sat-am", 0, 9);
    private final TimeSlot satMid = slot("sat-mid", 0, 13);
    private final TimeSlot satPm = slot("sat-pm", 0, 17);
    private final TimeSlot sunAm = slot("sun-am", 1, 9);
    private final Precinct ahead = precinct("P1", 0.6, Set.of());
    private final Precinct spanish = precinct("P2", 0.7, Set.of("es"));
    private final Precinct small = precinct("P3", -71.38, 41.83, 0.6, Set.of(), 2);

    {
        derive(ahead, spanish, small);
    }

    private static Shift at(Volunteer volunteer, TimeSlot slot, Precinct precinct) {
        return new Shift(volunteer, slot, precinct, false);
    }

    @Test
    void availability() {
        Volunteer saturdayOnly = volunteer("v1").available(0, 8, 21).reaches(ahead, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::availability)
                .given(at(saturdayOnly, sunAm, ahead)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::availability)
                .given(at(saturdayOnly, satAm, ahead), new Shift(saturdayOnly, sunAm)).penalizesBy(0);
    }

    @Test
    void availabilityNeedsTheWholeSlot() {
        Volunteer morningTill11 = volunteer("v1").available(0, 8, 11).reaches(ahead, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::availability)
                .given(at(morningTill11, satAm, ahead)).penalizesBy(1);
    }

    @Test
    void maxShifts() {
        Volunteer twoShifts = volunteer("v1").available(0, 8, 21).available(1, 8, 21).maxShifts(2, 3)
                .reaches(ahead, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::maxShifts)
                .given(at(twoShifts, satAm, ahead), at(twoShifts, satMid, ahead), at(twoShifts, satPm, ahead),
                        at(twoShifts, sunAm, ahead))
                .penalizesBy(2);
        verifier.verifyThat(FieldPlanConstraintProvider::maxShifts)
                .given(at(twoShifts, satAm, ahead), at(twoShifts, sunAm, ahead), new Shift(twoShifts, satPm))
                .penalizesBy(0);
    }

    @Test
    void maxShiftsPerDay() {
        Volunteer onePerDay = volunteer("v1").available(0, 8, 21).available(1, 8, 21).maxShifts(4, 1)
                .reaches(ahead, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::maxShiftsPerDay)
                .given(at(onePerDay, satAm, ahead), at(onePerDay, satMid, ahead), at(onePerDay, satPm, ahead))
                .penalizesBy(2);
        verifier.verifyThat(FieldPlanConstraintProvider::maxShiftsPerDay)
                .given(at(onePerDay, satAm, ahead), at(onePerDay, sunAm, ahead))
                .penalizesBy(0);
    }

    @Test
    void travelLimit() {
        Volunteer near = volunteer("v1").maxTravelMinutes(20).reaches(ahead, 20).reaches(spanish, 21).build();
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(near, satAm, spanish)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(near, satAm, ahead)).penalizesBy(0);
    }

    @Test
    void requiredSkills() {
        Volunteer phoneOnly = volunteer("v1").skills(Skill.PHONE).reaches(ahead, 5).build();
        Volunteer canvasser = volunteer("v2").skills(Skill.CANVASS, Skill.DRIVER).reaches(ahead, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::requiredSkills)
                .given(at(phoneOnly, satAm, ahead)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::requiredSkills)
                .given(at(canvasser, satAm, ahead)).penalizesBy(0);
    }

    @Test
    void requiredLanguages() {
        Volunteer english1 = volunteer("v1").reaches(spanish, 5).build();
        Volunteer english2 = volunteer("v2").reaches(spanish, 5).build();
        Volunteer bilingual = volunteer("v3").languages("en", "es").reaches(spanish, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::requiredLanguages)
                .given(at(english1, satAm, spanish), at(english2, satAm, spanish)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::requiredLanguages)
                .given(at(english1, satAm, spanish), at(bilingual, satAm, spanish),
                        at(english2, satAm, ahead))
                .penalizesBy(0);
    }

    @Test
    void capacity() {
        Volunteer a = volunteer("a").reaches(small, 5).build();
        Volunteer b = volunteer("b").reaches(small, 5).build();
        Volunteer c = volunteer("c").reaches(small, 5).build();
        Volunteer d = volunteer("d").reaches(small, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::capacity)
                .given(at(a, satAm, small), at(b, satAm, small), at(c, satAm, small), at(d, satAm, small))
                .penalizesBy(2);
        verifier.verifyThat(FieldPlanConstraintProvider::capacity)
                .given(at(a, satAm, small), at(b, satAm, small), at(c, satMid, small), at(d, satMid, small))
                .penalizesBy(0);
    }

    /** A team that went out before a report lowered the capacity is no break; nobody may join it either. */
    @Test
    void capacityCountsMembersWhoCannotMoveAsRoom() {
        Volunteer a = volunteer("a").reaches(small, 5).build();
        Volunteer b = volunteer("b").reaches(small, 5).build();
        Volunteer c = volunteer("c").reaches(small, 5).build();
        Volunteer d = volunteer("d").reaches(small, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::capacity)
                .given(fixedAt(a, satAm, small), fixedAt(b, satAm, small), fixedAt(c, satAm, small))
                .penalizesBy(0);
        verifier.verifyThat(FieldPlanConstraintProvider::capacity)
                .given(fixedAt(a, satAm, small), fixedAt(b, satAm, small), fixedAt(c, satAm, small),
                        at(d, satAm, small))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::capacity)
                .given(fixedAt(a, satAm, small), at(b, satAm, small), at(c, satAm, small), at(d, satAm, small))
                .penalizesBy(2);
    }

    private static Shift fixedAt(Volunteer volunteer, TimeSlot slot, Precinct precinct) {
        return new Shift(volunteer, slot, precinct, true);
    }

    @Test
    void buddyRule() {
        Volunteer a = volunteer("a").reaches(ahead, 5).reaches(small, 5).build();
        Volunteer b = volunteer("b").reaches(ahead, 5).reaches(small, 5).build();
        Volunteer c = volunteer("c").reaches(ahead, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::buddyRule)
                .given(at(a, satAm, ahead), at(b, satAm, small), at(c, satMid, ahead)).penalizesBy(3);
        verifier.verifyThat(FieldPlanConstraintProvider::buddyRule)
                .given(at(a, satAm, ahead), at(b, satAm, ahead), at(c, satAm, ahead)).penalizesBy(0);
    }

    @Test
    void idleVolunteer() {
        Volunteer used = volunteer("a").reaches(ahead, 5).build();
        Volunteer idle = volunteer("b").reaches(ahead, 5).build();
        Volunteer cannotReachAnything = volunteer("c").build();
        verifier.verifyThat(FieldPlanConstraintProvider::idleVolunteer)
                .given(used, idle, cannotReachAnything, at(used, satAm, ahead), new Shift(idle, satAm),
                        new Shift(cannotReachAnything, satAm))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::idleVolunteer)
                .given(used, cannotReachAnything, at(used, satAm, ahead), new Shift(cannotReachAnything, satAm))
                .penalizesBy(0);
    }

    @Test
    void voteValueIsTheExactConcaveValueOfEachPrecinct() {
        Volunteer a = volunteer("a").attendance(1.0).reaches(ahead, 5).build();
        Volunteer b = volunteer("b").attendance(1.0).reaches(ahead, 5).build();
        Volunteer c = volunteer("c").attendance(0.5).reaches(spanish, 5).build();
        double d = ahead.getDoorsPerHour() * 3;
        double twoShifts = ahead.getFullCoverageVotes()
                * (1 - Math.pow(1 - d / ahead.getRemainingDoors(), 2));
        double dSpanish = spanish.getDoorsPerHour() * 3;
        double halfShift = spanish.getFullCoverageVotes() * 0.5 * dSpanish / spanish.getRemainingDoors();
        long expectedMicroVotes = Math.round(twoShifts * 1e6) + Math.round(halfShift * 1e6);
        verifier.verifyThat(FieldPlanConstraintProvider::voteValue)
                .given(at(a, satAm, ahead), at(b, satMid, ahead), at(c, satAm, spanish))
                .rewardsWith(expectedMicroVotes);
        assertThat(expectedMicroVotes).isGreaterThan(0);
        verifier.verifyThat(FieldPlanConstraintProvider::voteValue)
                .given(new Shift(a, satAm), new Shift(b, satAm)).rewardsWith(0);
    }

    @Test
    void voteValuePenalizesTurnoutWorkWhereWeAreBehind() {
        Precinct behind = precinct("P9", 0.35, Set.of());
        derive(ahead, spanish, small, behind);
        Volunteer a = volunteer("a").reaches(behind, 5).build();
        long loss = Math.round(-behind.getFullCoverageVotes() * behind.getDoorsPerHour() * 3
                / behind.getRemainingDoors() * 1e6);
        assertThat(loss).isGreaterThan(0);
        verifier.verifyThat(FieldPlanConstraintProvider::votesLost)
                .given(at(a, satAm, behind)).penalizesBy(loss);
        verifier.verifyThat(FieldPlanConstraintProvider::voteValue)
                .given(at(a, satAm, behind)).rewardsWith(0);
        verifier.verifyThat(FieldPlanConstraintProvider::votesLost)
                .given(at(a, satAm, ahead)).penalizesBy(0);
    }

    @Test
    void travelTime() {
        Volunteer a = volunteer("a").reaches(ahead, 12).reaches(spanish, 25).build();
        verifier.verifyThat(FieldPlanConstraintProvider::travelTime)
                .given(at(a, satAm, ahead), at(a, satMid, spanish)).penalizesBy(37);
        verifier.verifyThat(FieldPlanConstraintProvider::travelTime)
                .given(new Shift(a, satAm)).penalizesBy(0);
    }

    @Test
    void fairLoad() {
        Volunteer busy = volunteer("a").maxShifts(3, 3).reaches(ahead, 5).build();
        Volunteer light = volunteer("b").reaches(ahead, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::fairLoad)
                .given(at(busy, satAm, ahead), at(busy, satMid, ahead), at(busy, satPm, ahead),
                        at(light, satAm, ahead))
                .penalizesBy(9 + 1);
        verifier.verifyThat(FieldPlanConstraintProvider::fairLoad)
                .given(new Shift(busy, satAm), new Shift(light, satAm)).penalizesBy(0);
    }

    @Test
    void turfContinuity() {
        Volunteer a = volunteer("a").reaches(ahead, 5).reaches(spanish, 5).reaches(small, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::turfContinuity)
                .given(at(a, satAm, ahead), at(a, satMid, spanish), at(a, satPm, small)).penalizesBy(2);
        verifier.verifyThat(FieldPlanConstraintProvider::turfContinuity)
                .given(at(a, satAm, ahead), at(a, sunAm, ahead)).penalizesBy(0);
    }

    @Test
    void preference() {
        Volunteer a = volunteer("a").prefers("P1").reaches(ahead, 5).reaches(spanish, 5).build();
        verifier.verifyThat(FieldPlanConstraintProvider::preference)
                .given(at(a, satAm, ahead), at(a, satMid, ahead), at(a, satPm, spanish)).rewardsWith(2);
        verifier.verifyThat(FieldPlanConstraintProvider::preference)
                .given(at(a, satAm, spanish)).rewardsWith(0);
    }
}
