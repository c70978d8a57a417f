package org.fieldplan.benchmarks.optimum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Shift;
import org.fieldplan.plan.PlanSummary;
import org.fieldplan.solver.FieldPlanSolver;

/**
 * What the local search misses on a piece of a real region: the pieces of {@link RealRegionOptimumGap} where
 * FieldPlan's plan falls short of CP-SAT's proven optimum, with every precinct-slot whose team differs between the
 * two plans and the shift limits of the volunteers involved, so the kind of move that would close the gap can be read
 * off (several teams across slots, volunteers with one to three shifts on the wrong slot, whole precincts).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.optimum.PieceDifference \
 *     NEW_HAMPSHIRE [precincts=12] [volunteers=40] [pieces=6] [cpSatSeconds=60] [solverSeconds=10] [seed=2]
 * </pre>
 */
public final class PieceDifference {

    private PieceDifference() {
    }

    public static void main(String[] args) {
        RealRegionOptimumGap.PieceArgs arguments = RealRegionOptimumGap.PieceArgs.parse(args, 6, 2);
        Random random = new Random(arguments.seed());
        FieldPlanProblem whole = arguments.wholeRegion();
        for (int piece = 0; piece < arguments.pieces(); piece++) {
            FieldPlan prepared = RealRegionOptimumGap.randomPiece(whole, arguments, random);
            CpSatResult optimum = CpSatModel.of(prepared).solve(Duration.ofSeconds(arguments.cpSatSeconds()), 2);
            if (!optimum.isFeasible()) {
                System.out.printf("piece %d: CP-SAT %s%n", piece, optimum.status());
                continue;
            }
            FieldPlan best = optimum.applyTo(prepared);
            FieldPlan solved = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(arguments.solverSeconds()))
                    .solve(prepared, plan -> { }).plan();
            double optimumVotes = PlanSummary.of(best).expectedNetVotes();
            double solverVotes = PlanSummary.of(solved).expectedNetVotes();
            System.out.printf(Locale.ROOT, "piece %d: optimum %.4f (%s), FieldPlan %.4f (%.2f%%)%n", piece,
                    optimumVotes, optimum.status(), solverVotes, 100 * solverVotes / optimumVotes);
            if (solverVotes < optimumVotes * (1 - 1e-6)) {
                printDifference(solved, best);
            }
        }
    }

    private static void printDifference(FieldPlan solved, FieldPlan best) {
        Map<String, List<String>> solverTeams = teams(solved);
        Map<String, List<String>> bestTeams = teams(best);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        solverTeams.keySet().forEach(key -> keys.put(key, true));
        bestTeams.keySet().forEach(key -> keys.put(key, true));
        int changedVolunteerShifts = 0;
        for (int i = 0; i < solved.getShifts().size(); i++) {
            Shift a = solved.getShifts().get(i);
            Shift b = best.getShifts().get(i);
            if (a.getPrecinct() != null ^ b.getPrecinct() != null
                    || a.getPrecinct() != null && !a.getPrecinct().getId().equals(b.getPrecinct().getId())) {
                changedVolunteerShifts++;
            }
        }
        System.out.println("  shifts that differ: " + changedVolunteerShifts);
        for (String key : keys.keySet()) {
            List<String> mine = solverTeams.getOrDefault(key, List.of());
            List<String> theirs = bestTeams.getOrDefault(key, List.of());
            if (!mine.equals(theirs)) {
                System.out.println("  " + key + "  FieldPlan " + mine + "  optimum " + theirs);
            }
        }
    }

    /** "slot precinct" → its team, each member as "volunteer(maxShifts)". */
    private static Map<String, List<String>> teams(FieldPlan plan) {
        Map<String, List<String>> teams = new TreeMap<>();
        for (Shift shift : plan.getShifts()) {
            if (shift.getPrecinct() != null) {
                teams.computeIfAbsent(shift.getSlot().getStart() + " " + shift.getPrecinct().getId(),
                        key -> new ArrayList<>()).add(shift.getVolunteer().getId() + "("
                        + shift.getVolunteer().getMaxShifts() + ")");
            }
        }
        teams.values().forEach(team -> team.sort(null));
        return teams;
    }
}
