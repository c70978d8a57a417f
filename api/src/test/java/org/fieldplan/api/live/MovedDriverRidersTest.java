package org.fieldplan.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.fieldplan.api.CarpoolFlowTestProblems;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a moved driver's rider, by the carpool rules, in a region with two staging locations (west: the far
 * precincts, east: the near ones): stays when the driver's team still meets where theirs does, comes along where they
 * may ride, is left to the repair where they may not (a precinct that needs a skill they lack) or when the driver
 * leaves the slot.
 */
class MovedDriverRidersTest {

    private final FieldPlan plan = ProblemPreparer.prepare(ProblemJson.read(new StringReader(
            CarpoolFlowTestProblems.withTwoStagingLocations())));
    private final Shift driver = shift("D1");
    private final Shift rider = shift("R1");

    MovedDriverRidersTest() {
        driver.setPrecinct(precinct("FAR"));
        rider.setPrecinct(precinct("FAR"));
        rider.setRide(driver.getVolunteer());
    }

    private Shift shift(String volunteerId) {
        return plan.getShifts().stream().filter(s -> s.getVolunteer().getId().equals(volunteerId)).findFirst()
                .orElseThrow();
    }

    private Precinct precinct(String id) {
        return plan.getPrecincts().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theRiderStaysWhenTheDriversNewTeamMeetsAtTheSameStagingLocation() {
        assertThat(precinct("LEADS").getStaging()).isEqualTo(precinct("FAR").getStaging()).isNotNull();
        MovedDriver.Riders riders = MovedDriver.riders(plan, driver, precinct("LEADS"));
        assertThat(riders.stay()).containsExactly(rider);
        assertThat(riders.comeAlong()).isEmpty();
        assertThat(riders.left()).isEmpty();
    }

    @Test
    void theRiderComesAlongWhereTheyMayRide() {
        MovedDriver.Riders riders = MovedDriver.riders(plan, driver, precinct("NEAR"));
        assertThat(riders.comeAlong()).containsExactly(rider);
        assertThat(riders.stay()).isEmpty();
        assertThat(riders.left()).isEmpty();
    }

    @Test
    void theRiderIsLeftToTheRepairWhereTheyMayNotRideOrWhenTheDriverLeavesTheSlot() {
        assertThat(MovedDriver.riders(plan, driver, precinct("EAST-LEADS")).left()).containsExactly(rider);
        assertThat(MovedDriver.riders(plan, driver, null).left()).containsExactly(rider);
        assertThat(MovedDriver.riders(plan, shift("D2"), precinct("NEAR")))
                .as("D2 has no riders").isEqualTo(new MovedDriver.Riders(List.of(), List.of(), List.of()));
    }
}
