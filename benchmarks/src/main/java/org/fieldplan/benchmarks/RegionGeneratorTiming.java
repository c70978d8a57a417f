package org.fieldplan.benchmarks;

import java.util.Locale;
import java.util.function.Predicate;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.ProblemPreparer;

/**
 * Prints how long {@link RegionGenerator#generate} takes per size and a few statistics of the result; a manual
 * tool, not a test. Arguments: sizes to run (default S M L XL).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.fieldplan.benchmarks.RegionGeneratorTiming M L}.
 */
public final class RegionGeneratorTiming {

    private RegionGeneratorTiming() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"S", "M", "L", "XL"};
        RegionGenerator generator = new RegionGenerator();
        generator.generate(RegionSize.M, 0); // JIT warm-up
        for (String size : sizes) {
            long start = System.nanoTime();
            FieldPlanProblem problem = generator.generate(RegionSize.valueOf(size), 7);
            double generateSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            FieldPlan plan = ProblemPreparer.prepare(problem);
            double prepareSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-2s generate %6.2f s, prepare %6.2f s: %s%n", size, generateSeconds,
                    prepareSeconds, summary(problem, plan));
        }
    }

    private static String summary(FieldPlanProblem problem, FieldPlan plan) {
        int precincts = problem.precincts().size();
        int volunteers = problem.volunteers().size();
        double[] areas = plan.getPrecincts().stream().mapToDouble(Precinct::getAreaKm2).sorted().toArray();
        long worth = plan.getPrecincts().stream().filter(Precinct::isWorthCanvassing).count();
        long pivotal = plan.getPrecincts().stream().filter(p -> p.isWorthCanvassing() && p.getPivotality() > 0.3)
                .count();
        long spanishRequired = problem.precincts().stream().filter(p -> p.getRequiredLanguages().contains("es"))
                .count();
        long withCandidates = plan.getVolunteers().stream().filter(v -> !v.getCandidatePrecincts().isEmpty())
                .count();
        long houseDistricts = problem.precincts().stream().map(p -> p.getDistrictIds().get(0)).distinct().count();
        long senateDistricts = problem.precincts().stream().map(p -> p.getDistrictIds().get(1)).distinct().count();
        return String.format(Locale.ROOT,
                "%d precincts (area km2 min %.2f median %.2f max %.1f; %d HD, %d SD; %.0f%% q>0.5 worth canvassing,"
                        + " %.0f%% also pivotal>0.3; %.0f%% need es; mean q %.2f, mean turnout %.2f),"
                        + " %d volunteers (%.0f%% with candidates, mean %.1f; es %.0f%%, walk %.0f%%, car %.0f%%,"
                        + " driver %.0f%%, mean attendance %.2f, %d organizers), %d shifts",
                precincts, areas[0], areas[areas.length / 2], areas[areas.length - 1], houseDistricts,
                senateDistricts, 100.0 * worth / precincts, 100.0 * pivotal / precincts,
                100.0 * spanishRequired / precincts,
                problem.precincts().stream().mapToDouble(Precinct::getSupportShare).average().orElse(0),
                problem.precincts().stream().mapToDouble(Precinct::getExpectedTurnout).average().orElse(0),
                volunteers, 100.0 * withCandidates / volunteers,
                plan.getVolunteers().stream().mapToInt(v -> v.getCandidatePrecincts().size()).average().orElse(0),
                100.0 * share(problem, v -> v.speaks("es")),
                100.0 * share(problem, v -> v.getTravelMode() == TravelMode.WALK),
                100.0 * share(problem, v -> v.getTravelMode() == TravelMode.CAR),
                100.0 * share(problem, v -> v.getSkills().contains(Skill.DRIVER)),
                problem.volunteers().stream().mapToDouble(Volunteer::getAttendanceProbability).average().orElse(0),
                problem.volunteers().stream().map(Volunteer::getOrganizerId).distinct().count(),
                plan.getShifts().size());
    }

    private static double share(FieldPlanProblem problem, Predicate<Volunteer> test) {
        return (double) problem.volunteers().stream().filter(test).count() / problem.volunteers().size();
    }
}
