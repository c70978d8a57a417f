package org.fieldplan.benchmarks.optimum;

import java.time.Duration;
import java.util.Locale;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.BenchmarkProblems.RealRegion;
import org.fieldplan.benchmarks.bound.FlowUpperBound;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;

/**
 * Is a real region's gap to the flow bound the local search's or the bound's? Solves the region (votes-only) with
 * FieldPlan for some seconds, then gives that plan to CP-SAT as a hint over the same candidates: a better CP-SAT plan
 * means the search stopped short, and CP-SAT's proven bound limits what any plan over those candidates can reach.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.optimum.RealRegionOptimumGap \
 *     NEW_HAMPSHIRE [solverSeconds=60] [cpSatSeconds=300] [workers=2]
 * </pre>
 */
public final class RealRegionOptimumGap {

    private RealRegionOptimumGap() {
    }

    public static void main(String[] args) {
        RealRegion region = RealRegion.valueOf(args[0]);
        int solverSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int cpSatSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        FieldPlan prepared = ProblemPreparer.prepare(
                BenchmarkProblems.votesOnly(BenchmarkProblems.region(region, BenchmarkProblems.DEFAULT_DATA)));
        double bound = FlowUpperBound.of(prepared).expectedVotes();
        FieldPlan solved = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(solverSeconds)).solve(prepared, plan -> { }).plan();
        double solverVotes = PlanSummary.of(solved).expectedNetVotes();
        print("flow bound", bound, bound);
        print("FieldPlan " + solverSeconds + " s", solverVotes, bound);

        CpSatResult cpSat = CpSatModel.of(prepared).improve(solved, Duration.ofSeconds(cpSatSeconds), workers);
        System.out.printf(Locale.ROOT, "CP-SAT %s after %.0f s%n", cpSat.status(), cpSat.wallSeconds());
        if (cpSat.isFeasible()) {
            print("CP-SAT plan from that hint", PlanSummary.of(cpSat.applyTo(prepared)).expectedNetVotes(), bound);
            print("CP-SAT proven bound (same candidates)", cpSat.bound() / 1e6, bound);
        }
    }

    private static void print(String what, double votes, double bound) {
        System.out.printf(Locale.ROOT, "%-40s %10.3f votes  %7.3f%% of the flow bound%n", what, votes,
                100 * votes / bound);
    }
}
