package org.fieldplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Set;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.testing.Fixtures;
import org.fieldplan.travel.GreatCircle;
import org.junit.jupiter.api.Test;

/** Flows from home cells to target cells, counted by hand on a plan with a local, a deployer and a long commuter. */
class TravelFlowsTest {

    private final TimeSlot am = slot("am", 0, 9);
    private final TimeSlot pm = slot("pm", 0, 13);
    /** About 1 km from every fixture volunteer's home (-71.41, 41.82): the home's own 10 km cell. */
    private final Precinct near = Fixtures.precinct("NEAR", -71.40, 41.82, 0.6, Set.of(), null);
    /** About 40 km west. */
    private final Precinct far = Fixtures.precinct("FAR", -71.90, 41.82, 0.6, Set.of(), null);
    private final List<Precinct> precincts = Fixtures.derive(near, far);

    private final Volunteer local = volunteer("local").reaches(near, 5).build();
    private final Volunteer deployer = volunteer("deployer").maxTravelMinutes(20).deploys(0, 90, 2).reaches(far, 60)
            .build();
    private final Volunteer commuter = volunteer("commuter").maxTravelMinutes(90).reaches(far, 60).build();
    private final FieldPlan plan = new FieldPlan("flows", "America/New_York", null, null, List.of(), List.of(am, pm),
            precincts, List.of(local, deployer, commuter), List.of(new Shift(local, am, near, false),
                    new Shift(local, pm, near, false), new Shift(deployer, am, far, false),
                    new Shift(deployer, pm, far, false), new Shift(commuter, pm, far, false),
                    new Shift(commuter, am, null, false)), null);

    @Test
    void shiftsAreSummedFromTheHomeCellToThePrecinctCell() {
        TravelFlows flows = TravelFlows.of(plan, 10, v -> true, 100);

        assertThat(flows.shifts()).isEqualTo(5);
        assertThat(flows.shiftsWithinCell()).as("the local's two shifts").isEqualTo(2);
        assertThat(flows.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.shifts()).isEqualTo(3);
            assertThat(flow.volunteers()).isEqualTo(2);
            assertThat(flow.deployedShifts()).as("beyond the deployer's everyday 20 minutes").isEqualTo(2);
            assertThat(flow.closeDistrictShifts()).as("a 50/50 district").isEqualTo(3);
            // Each end is its cell's centre: within half a diagonal of the home and of the precinct.
            assertThat(GreatCircle.distanceKm(flow.fromLat(), flow.fromLon(), 41.82, -71.41)).isLessThan(7.1);
            assertThat(GreatCircle.distanceKm(flow.toLat(), flow.toLon(), 41.82, -71.90)).isLessThan(7.1);
        });
        assertThat(flows.omittedFlows()).isZero();
    }

    @Test
    void onlyTheVolunteersIncludedCountAndTheLimitKeepsTheLargestFlows() {
        TravelFlows commuterOnly = TravelFlows.of(plan, 10, v -> v == commuter, 100);
        assertThat(commuterOnly.shifts()).isEqualTo(1);
        assertThat(commuterOnly.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.shifts()).isEqualTo(1);
            assertThat(flow.deployedShifts()).isZero();
        });

        TravelFlows none = TravelFlows.of(plan, 10, v -> true, 0);
        assertThat(none.flows()).isEmpty();
        assertThat(none.omittedFlows()).isEqualTo(1);
    }

    @Test
    void aCellLargerThanTheTripKeepsEveryShiftWithinItsCell() {
        // 40 km apart, but both ends in one 500 km cell unless a cell edge happens to fall between them.
        TravelFlows coarse = TravelFlows.of(plan, 500, v -> true, 100);
        assertThat(coarse.shiftsWithinCell() + coarse.flows().stream().mapToInt(TravelFlows.Flow::shifts).sum())
                .isEqualTo(5);
        assertThatThrownBy(() -> TravelFlows.of(plan, 0, v -> true, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
