package org.fieldplan.benchmarks.bound;

import java.nio.file.Path;
import java.util.Locale;

import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.ProblemPreparer;

/**
 * The max-gain flow bound of problem files, one line each ({@code file, bound in expected votes, milliseconds}),
 * with the plan's own team rules and great-circle travel, as the benchmark suite computes it; so a plan solved
 * elsewhere (e.g. a campaign's region solved by the service) can be given as a percentage of its bound.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.bound.ProblemFileBound a.json b.json
 * </pre>
 */
public final class ProblemFileBound {

    private ProblemFileBound() {
    }

    public static void main(String[] args) {
        for (String file : args) {
            FieldPlan prepared = ProblemPreparer.prepare(ProblemJson.read(Path.of(file)));
            FlowUpperBound.Result bound = FlowUpperBound.of(prepared);
            System.out.printf(Locale.ROOT, "%s\t%.3f\t%d%n", file, bound.expectedVotes(), bound.millis());
        }
    }
}
