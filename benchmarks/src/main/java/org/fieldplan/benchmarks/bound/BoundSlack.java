package org.fieldplan.benchmarks.bound;

import java.util.Locale;

import org.fieldplan.benchmarks.BenchmarkProblems;
import org.fieldplan.benchmarks.BenchmarkProblems.RealRegion;
import org.fieldplan.benchmarks.bound.FlowUpperBound.TeamRules;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.solver.ProblemPreparer;

/**
 * How much of the flow bound on the real regions (votes-only) is the slack of each dropped team rule: prints the
 * bound with both rules dropped, with each kept alone and with both kept, for the regions named on the command line.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.bound.BoundSlack [RHODE_ISLAND,NEW_HAMPSHIRE,...]
 * </pre>
 */
public final class BoundSlack {

    private static final TeamRules[] RULES = {TeamRules.DROPPED, new TeamRules(true, false),
        new TeamRules(false, true), new TeamRules(true, true)};

    private BoundSlack() {
    }

    public static void main(String[] args) {
        String regions = args.length > 0 ? args[0] : "RHODE_ISLAND,NEW_HAMPSHIRE,CONNECTICUT";
        System.out.println("| region | rules kept (buddy, languages) | bound (votes) | vs dropped | slots < a team | arcs | time |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String name : regions.split(",")) {
            RealRegion region = RealRegion.valueOf(name.trim());
            FieldPlan prepared = ProblemPreparer.prepare(
                    BenchmarkProblems.votesOnly(BenchmarkProblems.region(region, BenchmarkProblems.DEFAULT_DATA)));
            double dropped = Double.NaN;
            for (TeamRules rules : RULES) {
                FlowUpperBound.Result bound = FlowUpperBound.of(prepared, rules);
                if (rules == TeamRules.DROPPED) {
                    dropped = bound.expectedVotes();
                }
                System.out.printf(Locale.ROOT, "| %s | %s, %s | %.3f | %.2f%% | %,d | %,d | %.1f s |%n",
                        region, rules.buddyRule(), rules.languages(), bound.expectedVotes(),
                        100 * bound.expectedVotes() / dropped, bound.lessThanTeamSlots(), bound.arcs(), bound.millis() / 1000.0);
            }
        }
    }
}
