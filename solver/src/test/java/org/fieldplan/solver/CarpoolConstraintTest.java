package org.fieldplan.solver;

import static org.fieldplan.testing.Fixtures.GEOMETRY;
import static org.fieldplan.testing.Fixtures.derive;
import static org.fieldplan.testing.Fixtures.precinct;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.RideOptions;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** The carpool rules, each both ways: seats, pick-up detour, rider with driver, riders' reach, car-minutes saved. */
class CarpoolConstraintTest {

    private static final RideOptions.CarMinutes CAR = (from, to) -> GreatCircle.distanceKm(from, to)
            * TravelParameters.DEFAULTS.roadDetourFactor() / TravelParameters.DEFAULTS.carKmh() * 60.0;

    private final ConstraintVerifier<FieldPlanConstraintProvider, FieldPlan> verifier =
            ConstraintVerifier.build(new FieldPlanConstraintProvider(), FieldPlan.class, Shift.class);

    private final TimeSlot am = slot("sat-am", 0, 9);
    private final TimeSlot pm = slot("sat-pm", 0, 13);
    /** West of everyone's home: the drive to it passes the riders' homes. */
    private final Precinct far = precinct("P2", -72.0, 41.82, 0.6, Set.of(), null);
    private final Precinct farther = precinct("P3", -72.1, 41.82, 0.6, Set.of(), null);
    private final Precinct near = precinct("P1", -71.40, 41.82, 0.6, Set.of(), null);

    {
        derive(near, far, farther);
    }

    /** Home at -71.41; 90 minutes, 2 seats, 10 minutes of detour. */
    private final Volunteer driver = volunteer("driver").maxTravelMinutes(90).carpool(2, 10, false)
            .reaches(near, 5).reaches(far, 60).reaches(farther, 70).build();
    /** A little west of the driver: on the way. Reaches only the near precinct alone (30 minutes). */
    private final Volunteer rider = rider("r1", -71.42, TravelMode.CAR);
    private final Volunteer secondRider = rider("r2", -71.43, TravelMode.TRANSIT);
    private final Volunteer thirdRider = rider("r3", -71.44, TravelMode.WALK);
    /** 9 km east of the driver: the opposite way. */
    private final Volunteer offTheWay = rider("r4", -71.30, TravelMode.CAR);

    private Volunteer rider(String id, double lon, TravelMode mode) {
        Volunteer volunteer = volunteer(id).home(lon, 41.82).mode(mode).carpool(0, 0, true)
                .reaches(near, 10).reaches(far, 65).build();
        volunteer.setRideOptions(new RideOptions(List.of(driver), Map.of(), CAR));
        return volunteer;
    }

    private static Shift at(Volunteer volunteer, TimeSlot slot, Precinct precinct) {
        return new Shift(volunteer, slot, precinct, false);
    }

    private static Shift riding(Volunteer volunteer, TimeSlot slot, Precinct precinct, Volunteer driver) {
        Shift shift = at(volunteer, slot, precinct);
        shift.setRide(driver);
        return shift;
    }

    @Test
    void aDriverTakesAtMostTheirSeatsPerSlot() {
        verifier.verifyThat(FieldPlanConstraintProvider::seats)
                .given(at(driver, am, far), riding(rider, am, far, driver), riding(secondRider, am, far, driver),
                        riding(thirdRider, am, far, driver))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::seats)
                .given(at(driver, am, far), riding(rider, am, far, driver), riding(secondRider, am, far, driver),
                        at(driver, pm, far), riding(thirdRider, pm, far, driver))
                .penalizesBy(0);
    }

    @Test
    void aPickUpOffTheWayBreaksTheDetourLimit() {
        verifier.verifyThat(FieldPlanConstraintProvider::pickUpDetour)
                .given(at(driver, am, far), riding(offTheWay, am, far, driver))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::pickUpDetour)
                .given(at(driver, am, far), riding(rider, am, far, driver))
                .penalizesBy(0);
    }

    @Test
    void aRiderGoesWhereTheDriverGoesInTheSameSlot() {
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(driver, am, far), riding(rider, am, far, driver))
                .penalizesBy(0);
        // Elsewhere, in another slot, or not out at all.
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(driver, am, farther), riding(rider, am, far, driver))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(driver, pm, far), riding(rider, am, far, driver))
                .penalizesBy(1);
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(driver, am, null), riding(rider, am, far, driver))
                .penalizesBy(1);
    }

    @Test
    void aDriverWhoRidesThemselvesCannotTakeRiders() {
        Volunteer otherDriver = volunteer("driver2").maxTravelMinutes(90).carpool(1, 10, true).reaches(far, 60)
                .build();
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(otherDriver, am, far), riding(driver, am, far, otherDriver),
                        riding(rider, am, far, driver))
                .penalizesBy(1);
    }

    @Test
    void withStagingTheRiderMayWorkAnotherPrecinctOfTheSameStagingLocation() {
        StagingLocation office = new StagingLocation("S1", "Office", null,
                GEOMETRY.createPoint(new Coordinate(-72.05, 41.82)), List.of(), 5);
        far.setStaging(office);
        farther.setStaging(office);
        verifier.verifyThat(FieldPlanConstraintProvider::rideWithDriver)
                .given(at(driver, am, farther), riding(rider, am, far, driver))
                .penalizesBy(0);
    }

    @Test
    void aRiderBeyondTheirOwnReachNeedsTheDriversReach() {
        // 65 minutes: beyond the rider's 30, within the driver's 90.
        verifier.verifyThat(FieldPlanConstraintProvider::ridersReach)
                .given(at(driver, am, far), riding(rider, am, far, driver))
                .penalizesBy(0);
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(driver, am, far), riding(rider, am, far, driver))
                .penalizesBy(0);
        // Alone, the same trip breaks the rider's own limit.
        verifier.verifyThat(FieldPlanConstraintProvider::travelLimit)
                .given(at(rider, am, far))
                .penalizesBy(1);
        Volunteer shortDriver = volunteer("short").maxTravelMinutes(45).carpool(2, 10, false).reaches(far, 60)
                .build();
        verifier.verifyThat(FieldPlanConstraintProvider::ridersReach)
                .given(at(shortDriver, am, far), riding(rider, am, far, shortDriver))
                .penalizesBy(1);
        // Within the rider's own reach the driver's limit does not matter.
        verifier.verifyThat(FieldPlanConstraintProvider::ridersReach)
                .given(at(shortDriver, am, near), riding(rider, am, near, shortDriver))
                .penalizesBy(0);
    }

    @Test
    void aRiderWhoWouldHaveDrivenSavesARoundTripOfCarMinutes() {
        verifier.verifyThat(FieldPlanConstraintProvider::sharedCarMinutes)
                .given(at(driver, am, far), riding(rider, am, far, driver))
                .rewardsWith(120);
        verifier.verifyThat(FieldPlanConstraintProvider::sharedCarMinutes)
                .given(at(driver, am, far), riding(secondRider, am, far, driver))
                .rewardsWith(0);
    }
}
