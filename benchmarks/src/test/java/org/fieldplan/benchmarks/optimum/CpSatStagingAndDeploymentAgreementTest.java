package org.fieldplan.benchmarks.optimum;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.fieldplan.benchmarks.DeploymentScenario;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.solver.ProblemPreparer;

/**
 * The same agreement on an instance with the deployment rules: two staging locations sending out at most two teams
 * a slot, closed on Monday evening, and half of the volunteers offering a Saturday deployment of at least three
 * consecutive slots. CP-SAT rejects a plan breaking only staging capacity, staging hours or the minimum deployment
 * length, and its proven optimum is a plan FieldPlan scores as claimed.
 */
class CpSatStagingAndDeploymentAgreementTest extends CpSatModelAgreementTest {

    private static final int TEAMS_PER_SLOT = 2;

    @Override
    FieldPlan instance() {
        FieldPlanProblem staged = DeploymentScenario.withStaging(OptimumInstances.generate(10, 20, 1), 2, 7);
        List<StagingLocation> tight = staged.stagingLocations().stream().map(location -> new StagingLocation(
                location.id(), location.name(), location.address(), location.point(), hours(staged),
                TEAMS_PER_SLOT)).toList();
        return ProblemPreparer.prepare(DeploymentScenario.withDeploymentDays(staged.withStagingLocations(tight), 0.5,
                true, 7));
    }

    /** 08:00–21:00 every campaign day but Monday, which closes at 16:30 (before its evening slot). */
    private static List<OpeningHours> hours(FieldPlanProblem problem) {
        return problem.timeSlots().stream().map(TimeSlot::getDay).distinct()
                .map(day -> new OpeningHours(day, LocalTime.of(8, 0),
                        day.getDayOfWeek() == DayOfWeek.MONDAY ? LocalTime.of(16, 30) : LocalTime.of(21, 0)))
                .toList();
    }

    @Override
    Set<String> rulesBrokenAlone() {
        return Set.of(FieldPlanWeights.BUDDY_RULE, FieldPlanWeights.STAGING_CAPACITY, FieldPlanWeights.STAGING_HOURS,
                FieldPlanWeights.DEPLOYMENT_LENGTH);
    }
}
