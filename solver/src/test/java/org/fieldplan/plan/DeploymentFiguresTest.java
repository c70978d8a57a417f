package org.fieldplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fieldplan.testing.Fixtures.slot;
import static org.fieldplan.testing.Fixtures.volunteer;

import java.util.List;
import java.util.Set;

import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.testing.Fixtures;
import org.fieldplan.vote.MarginalVoteModel;
import org.fieldplan.domain.VoteModelParameters;
import org.junit.jupiter.api.Test;

/** The close-district shares and deployment counts of a plan, against figures worked out by hand. */
class DeploymentFiguresTest {

    private final TimeSlot am = slot("am", 0, 9);
    private final TimeSlot pm = slot("pm", 0, 13);
    private final Precinct close = Fixtures.precinct("CLOSE", 0.6, Set.of());
    /** Same turf and support, but stated pivotality 0.2: a safe district. */
    private final Precinct safe = new Precinct("SAFE", null, close.getGeometry(), 1500, 0.6, 0.6, List.of("HD-9"), 0.2,
            null, Set.of(), Set.of(Skill.CANVASS), null, null, 0);

    {
        new MarginalVoteModel(VoteModelParameters.DEFAULTS).apply(List.of(close, safe),
                List.of(new District("HD-1", 0.5)));
    }

    @Test
    void sharesOfValueShiftsAndVotesInCloseDistricts() {
        Volunteer local = volunteer("local").maxTravelMinutes(30).reaches(close, 10).reaches(safe, 10).build();
        Volunteer deployer = volunteer("far").maxTravelMinutes(20).deploys(0, 90, 2).reaches(close, 60).build();
        List<Shift> shifts = List.of(new Shift(local, am, safe, false), new Shift(local, pm, safe, false),
                new Shift(deployer, am, close, false), new Shift(deployer, pm, close, false));
        FieldPlan plan = new FieldPlan("p", "America/New_York", null, null, List.of(), List.of(am, pm),
                List.of(close, safe), List.of(local, deployer), shifts, null);

        DeploymentFigures figures = DeploymentFigures.of(plan);

        // c_p is proportional to pivotality here (same turf otherwise): 1 / (1 + 0.2).
        assertThat(figures.closeValueShare()).isCloseTo(1 / 1.2, within(1e-9));
        assertThat(figures.closeShiftShare()).isEqualTo(0.5);
        assertThat(figures.closeVoteShare()).isCloseTo(1 / 1.2, within(1e-9));
        assertThat(figures.volunteersDeployed()).isEqualTo(1);
        assertThat(figures.deployedShifts()).isEqualTo(2);
    }
}
