package org.fieldplan.benchmarks.optimum;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.BenchmarkProblems.RealRegion;
import org.fieldplan.benchmarks.bound.FlowUpperBound;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.locationtech.jts.geom.Point;

/**
 * Is a real region's gap to the flow bound the local search's or the bound's? Cuts small pieces out of the region
 * (votes-only: the {@code precincts} precincts and {@code volunteers} volunteers nearest a randomly drawn precinct),
 * where CP-SAT can prove the optimum, and reports for each the flow bound, the proven optimum and FieldPlan's plan.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.optimum.RealRegionOptimumGap \
 *     NEW_HAMPSHIRE [precincts=12] [volunteers=40] [pieces=4] [cpSatSeconds=60] [solverSeconds=10] [seed=1]
 * </pre>
 */
public final class RealRegionOptimumGap {

    private static final double MICRO = 1e-6;

    private RealRegionOptimumGap() {
    }

    public static void main(String[] args) {
        PieceArgs arguments = PieceArgs.parse(args, 4, 1);
        int solverSeconds = arguments.solverSeconds();
        Random random = new Random(arguments.seed());
        System.out.println("| piece | bound, rules dropped | bound | CP-SAT | optimum | optimum % of bound "
                + "| FieldPlan " + solverSeconds + " s % of optimum | % of bound |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|");
        FieldPlanProblem whole = arguments.wholeRegion();
        for (int piece = 0; piece < arguments.pieces(); piece++) {
            FieldPlan prepared = randomPiece(whole, arguments, random);
            double bound = FlowUpperBound.of(prepared).expectedVotes();
            double dropped = FlowUpperBound.of(prepared, FlowUpperBound.TeamRules.DROPPED).expectedVotes();
            CpSatResult optimum = CpSatModel.of(prepared).solve(Duration.ofSeconds(arguments.cpSatSeconds()), 2);
            double optimumVotes = optimum.isFeasible()
                    ? PlanSummary.of(optimum.applyTo(prepared)).expectedNetVotes() : Double.NaN;
            FieldPlan solved = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(solverSeconds))
                    .solve(prepared, plan -> { }).plan();
            double solverVotes = PlanSummary.of(solved).expectedNetVotes();
            System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %s (bound %.4f) | %.4f | %.2f%% | %.2f%% | %.2f%% |%n",
                    piece, dropped, bound, optimum.status(), optimum.isFeasible() ? optimum.bound() * MICRO
                            : Double.NaN, optimumVotes, 100 * optimumVotes / bound, 100 * solverVotes / optimumVotes,
                    100 * solverVotes / bound);
        }
    }

    /** The region cut down to the precincts and volunteers nearest {@code center}. */
    static FieldPlanProblem pieceAround(FieldPlanProblem whole, Point center, int precincts, int volunteers) {
        List<Precinct> nearPrecincts = whole.precincts().stream()
                .sorted(Comparator.comparingDouble(p -> p.getCentroid().distance(center))).limit(precincts).toList();
        List<Volunteer> nearVolunteers = whole.volunteers().stream()
                .sorted(Comparator.comparingDouble(v -> v.getHome().distance(center))).limit(volunteers).toList();
        return new FieldPlanProblem(whole.name() + " piece", whole.timeZone(), whole.voteModel(), whole.travel(),
                whole.districts(), whole.timeSlots(), nearPrecincts, nearVolunteers, whole.weights(), List.of());
    }

    /** The prepared piece around a randomly drawn precinct of {@code whole}. */
    static FieldPlan randomPiece(FieldPlanProblem whole, PieceArgs arguments, Random random) {
        Point center = whole.precincts().get(random.nextInt(whole.precincts().size())).getCentroid();
        return ProblemPreparer.prepare(pieceAround(whole, center, arguments.precincts(), arguments.volunteers()));
    }

    /** The piece tools' command line: region [precincts] [volunteers] [pieces] [cpSat s] [solver s] [seed]. */
    record PieceArgs(RealRegion region, int precincts, int volunteers, int pieces, int cpSatSeconds,
            int solverSeconds, int seed) {

        static PieceArgs parse(String[] args, int defaultPieces, int defaultSeed) {
            return new PieceArgs(RealRegion.valueOf(args[0]), intArg(args, 1, 12), intArg(args, 2, 40),
                    intArg(args, 3, defaultPieces), intArg(args, 4, 60), intArg(args, 5, 10),
                    intArg(args, 6, defaultSeed));
        }

        /** The whole region, votes-only. */
        FieldPlanProblem wholeRegion() {
            return BenchmarkProblems.votesOnly(BenchmarkProblems.region(region, BenchmarkProblems.DEFAULT_DATA));
        }

        private static int intArg(String[] args, int index, int fallback) {
            return args.length > index ? Integer.parseInt(args[index]) : fallback;
        }
    }
}
