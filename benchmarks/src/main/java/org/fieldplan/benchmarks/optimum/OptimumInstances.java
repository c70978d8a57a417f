package org.fieldplan.benchmarks.optimum;

import java.util.List;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.solver.ProblemPreparer;

/**
 * The instances of the optimum comparison: generated regions of a given size whose volunteers all attend with the
 * same probability. With one attendance probability (and the generator's equal 3-hour slots) every shift in a
 * precinct knocks the same expected share of its doors, so the precinct's expected votes depend only on how many
 * shifts it gets, which is what {@link CpSatModel}'s k-th-shift increments need to be exact.
 */
public final class OptimumInstances {

    /** The generator's mean attendance (0.4 + 0.5·Beta(2, 3) has mean 0.6). */
    public static final double UNIFORM_ATTENDANCE = 0.6;

    private OptimumInstances() {
    }

    /** The generated region with {@code precincts} × {@code volunteers} and uniform attendance, prepared. */
    public static FieldPlan prepared(int precincts, int volunteers, long seed) {
        return ProblemPreparer.prepare(generate(precincts, volunteers, seed));
    }

    /** The generated region with {@code precincts} × {@code volunteers} and uniform attendance. */
    public static FieldPlanProblem generate(int precincts, int volunteers, long seed) {
        return withAttendance(new RegionGenerator().generate(precincts, volunteers, seed), UNIFORM_ATTENDANCE);
    }

    /** The same problem with every volunteer's attendance probability set to {@code attendance}. */
    public static FieldPlanProblem withAttendance(FieldPlanProblem problem, double attendance) {
        List<Volunteer> volunteers = problem.volunteers().stream()
                .map(v -> v.withAttendanceProbability(attendance))
                .toList();
        return new FieldPlanProblem(problem.name() + ", attendance " + attendance, problem.timeZone(),
                problem.voteModel(), problem.travel(), problem.districts(), problem.timeSlots(), problem.precincts(),
                volunteers, problem.weights(), problem.assignments(), problem.travelMinutes(), problem.stagingLocations());
    }
}
