package org.fieldplan.solver;

import static org.fieldplan.testing.Fixtures.GEOMETRY;
import static org.fieldplan.testing.Fixtures.SATURDAY;
import static org.fieldplan.testing.Fixtures.derive;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** The deployment and staging rules, each both ways: an exact penalty and a case left alone. */
class DeploymentAndStagingConstraintTest {

    private final ConstraintVerifier<FieldPlanConstraintProvider, FieldPlan> verifier =
            ConstraintVerifier.build(new FieldPlanConstraintProvider(), FieldPlan.class, Shift.class);

    private final TimeSlot satAm = slot("sat-am", 0, 9);
    private final TimeSlot satMid = slot("sat-mid", 0, 13);
    private final TimeSlot satPm = slot("sat-pm", 0, 17);
    private final TimeSlot sunAm = slot("sun-am", 1, 9);
    private final Precinct near = precinct("P1", 0.6, Set.of());
    private final Precinct far = precinct("P2", -72.0, 41.9, 0.6, Set.of(), null);
    private final Precinct farther = precinct("P3", -72.1, 41.9, 0.6, Set.of(), null);

    {
        derive(near, far, farther);
    }

    /** Everyday limit 20 min; on Saturday up to 90 min for at least 3 slots. */
    private final Volunteer deployable = volunteer("v1").maxTravelMinutes(20).maxShifts(4, 3)
            .available(0, 8, 21).available(1, 8, 21).deploys(0, 90, 3)
            .reaches(near, 10).reaches(far, 60).reaches(farther, 70).build();

    private static Shift at(Volunteer volunteer, TimeSlot slot, Precinct precinct) {
        return new Shift(volunteer, slot, precinct, false);
    }

    private static StagingLocation staging(String id, int teamsPerSlot, List<OpeningHours> hours) {
        return new StagingLocation(id, "Office " + id, null, GEOMETRY.createPoint(new Coordinate(-71.4, 41.82)),
                hours, teamsPerSlot);
    }

    @Test
    void travelLimitIsTheOffersOnItsDayOnly() {
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(deployable, satAm, far)).penalizesBy(0);
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(deployable, sunAm, far)).penalizesBy(1);
    }

    @Test
    void deploymentShorterThanItsMinimumIsPenalizedBySlotsMissing() {
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength)
                .given(at(deployable, satAm, far), at(deployable, satMid, far)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength)
                .given(at(deployable, satAm, far), at(deployable, satMid, far), at(deployable, satPm, far))
                .penalizesBy(0);
    }

    @Test
    void deploymentCountsConsecutiveSlotsAtOnePrecinct() {
        // Two at one precinct, one at another: each falls short (1 + 2).
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength)
                .given(at(deployable, satAm, far), at(deployable, satMid, far), at(deployable, satPm, farther))
                .penalizesBy(3);
        // Morning and evening with a free afternoon between are not consecutive.
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength)
                .given(at(deployable, satAm, far), at(deployable, satPm, far)).penalizesBy(2);
    }

    @Test
    void everydayShiftsAreNoDeployment() {
        verifier.verifyThat(FieldPlanConstraintProvider::deploymentLength)
                .given(at(deployable, satAm, near)).penalizesBy(0);
    }

    @Test
    void stagingSendsOutAtMostItsTeamsPerSlot() {
        StagingLocation office = staging("S1", 1, List.of());
        near.setStaging(office);
        far.setStaging(office);
        Volunteer other = volunteer("v2").reaches(near, 10).reaches(far, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::stagingCapacity)
                .given(at(deployable, satAm, near), at(other, satAm, far)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::stagingCapacity)
                .given(at(deployable, satAm, near), at(other, satAm, near), at(other, satMid, far)).penalizesBy(0);
    }

    @Test
    void stagingMustBeOpenForTheWholeSlot() {
        StagingLocation office = staging("S1", 5,
                List.of(new OpeningHours(SATURDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))));
        near.setStaging(office);
        Volunteer other = volunteer("v2").reaches(near, 10).build();
        verifier.verifyThat(FieldPlanConstraintProvider::stagingHours)
                .given(at(deployable, satPm, near), at(other, satPm, near)).penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::stagingHours)
                .given(at(deployable, satMid, near), at(other, satMid, near)).penalizesBy(0);
    }

    @Test
    void withoutStagingLocationsNoStagingRuleApplies() {
        verifier.verifyThat(FieldPlanConstraintProvider::stagingCapacity)
                .given(at(deployable, satAm, near)).penalizesBy(0);
        verifier.verifyThat(FieldPlanConstraintProvider::stagingHours)
                .given(at(deployable, satAm, near)).penalizesBy(0);
    }
}
