package org.fieldplan.benchmarks.optimum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.FieldPlanSolverConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;

/**
 * The CP-SAT model is FieldPlan's score: on plans of a small generated instance (greedy, the solver's successive
 * best plans, a random walk over feasible plans and its infeasible neighbours, random assignments) CP-SAT calls a
 * plan feasible exactly when FieldPlan scores it 0 hard, and its objective equals FieldPlan's soft score to the
 * micro-vote; CP-SAT's proven optimum is a 0-hard plan that FieldPlan scores as CP-SAT claims and no plan beats.
 */
class CpSatModelAgreementTest {

    private static final int WALK_STEPS = 60;
    private static final int RANDOM_PLANS = 5;

    private static FieldPlan problem;
    private static CpSatModel model;
    private static FieldPlanSolver fieldPlan;
    private static List<FieldPlan> plans;

    @BeforeAll
    static void buildInstance() {
        // 10 precincts (7 worth canvassing, one needing Spanish), 20 volunteers, 79 shifts.
        problem = OptimumInstances.prepared(10, 20, 1);
        model = CpSatModel.of(problem);
        fieldPlan = new FieldPlanSolver(FieldPlanSolverConfig.createEvaluationLimited(5_000));
        plans = plans();
    }

    @Test
    void feasibilityAndObjectiveAgreeWithFieldPlansScoreOnEveryPlan() {
        int feasible = 0;
        int infeasible = 0;
        Set<String> brokenAlone = new HashSet<>();
        for (FieldPlan plan : plans) {
            HardMediumSoftLongScore score = fieldPlan.score(plan);
            CpSatResult verdict = model.evaluate(plan);
            assertThat(verdict.isFeasible()).as("CP-SAT feasible vs FieldPlan %s", score)
                    .isEqualTo(score.hardScore() == 0);
            if (verdict.isFeasible()) {
                feasible++;
                assertThat(verdict.objective()).as("objective of a plan scored %s", score)
                        .isEqualTo(score.softScore());
            } else {
                infeasible++;
                Set<String> broken = brokenHardRules(plan);
                if (broken.size() == 1) {
                    brokenAlone.addAll(broken);
                }
            }
        }
        assertThat(feasible).isGreaterThanOrEqualTo(20);
        assertThat(infeasible).isGreaterThanOrEqualTo(10);
        // Each of these rules alone made CP-SAT reject a plan, so none of them is missing from the model.
        assertThat(brokenAlone).contains(FieldPlanWeights.BUDDY_RULE, FieldPlanWeights.CAPACITY,
                FieldPlanWeights.MAX_SHIFTS_PER_DAY, FieldPlanWeights.REQUIRED_LANGUAGES);
    }

    @Test
    void provenOptimumIsAFeasiblePlanThatFieldPlanScoresAsClaimedAndNoPlanBeats() {
        CpSatResult optimum = model.solve(null, 2);

        assertThat(optimum.isOptimal()).isTrue();
        FieldPlan plan = optimum.applyTo(problem);
        HardMediumSoftLongScore score = fieldPlan.score(plan);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(score.softScore()).isEqualTo(optimum.objective());
        for (FieldPlan other : plans) {
            HardMediumSoftLongScore otherScore = fieldPlan.score(other);
            if (otherScore.hardScore() == 0) {
                assertThat(otherScore.softScore()).isLessThanOrEqualTo(optimum.objective());
            }
        }
    }

    /** Greedy, every new best of a solver run, a random walk, teams at the rules' edges and random assignments. */
    private static List<FieldPlan> plans() {
        List<FieldPlan> collected = new ArrayList<>();
        FieldPlan greedy = fieldPlan.greedyBaseline(problem);
        collected.add(greedy);
        collected.add(fieldPlan.solve(problem.copyUnassigned(), best -> collected.add(copyOf(best))).plan());
        SplittableRandom random = new SplittableRandom(42);
        collected.addAll(randomWalk(greedy, random));
        collected.addAll(teamsAtTheEdges());
        for (int i = 0; i < RANDOM_PLANS; i++) {
            FieldPlan plan = problem.copyUnassigned();
            plan.getShifts().forEach(shift -> shift.setPrecinct(random.nextBoolean() ? null : anyCandidate(shift,
                    random)));
            collected.add(plan);
        }
        return collected;
    }

    /**
     * From a feasible plan, random steps (one shift elsewhere or home, two shifts of a slot into one precinct, or a
     * team home); every step is kept as a plan, and the walk goes on from it only if FieldPlan finds it feasible,
     * so the plans lie on both sides of the hard rules' boundary.
     */
    private static List<FieldPlan> randomWalk(FieldPlan start, SplittableRandom random) {
        List<FieldPlan> visited = new ArrayList<>();
        FieldPlan current = copyOf(start);
        for (int step = 0; step < WALK_STEPS; step++) {
            FieldPlan next = copyOf(current);
            List<Shift> shifts = next.getShifts();
            Shift shift = shifts.get(random.nextInt(shifts.size()));
            double kind = random.nextDouble();
            if (kind < 0.5) {
                shift.setPrecinct(random.nextInt(4) == 0 ? null : anyCandidate(shift, random));
            } else if (kind < 0.85) {
                Precinct precinct = anyCandidate(shift, random);
                List<Shift> partners = shifts.stream().filter(s -> s != shift && s.getSlot() == shift.getSlot()
                        && s.getCandidatePrecincts().contains(precinct)).toList();
                if (precinct != null && !partners.isEmpty()) {
                    shift.setPrecinct(precinct);
                    partners.get(random.nextInt(partners.size())).setPrecinct(precinct);
                }
            } else if (shift.getPrecinct() != null) {
                Precinct precinct = shift.getPrecinct();
                shifts.stream().filter(s -> s.getPrecinct() == precinct && s.getSlot() == shift.getSlot())
                        .forEach(s -> s.setPrecinct(null));
            }
            visited.add(next);
            if (fieldPlan.score(next).hardScore() == 0) {
                current = next;
            }
        }
        return visited;
    }

    /**
     * One team alone in an otherwise empty plan, on each side of the capacity and the language rule: a full team
     * and one more; a speaker with a non-speaker and two non-speakers. The plans one past the edge break only that
     * rule.
     */
    private static List<FieldPlan> teamsAtTheEdges() {
        List<FieldPlan> edges = new ArrayList<>();
        boolean capacityDone = false;
        boolean languageDone = false;
        for (Precinct precinct : problem.getPrecincts()) {
            for (TimeSlot slot : problem.getTimeSlots()) {
                List<Shift> reaching = problem.getShifts().stream()
                        .filter(s -> s.getSlot() == slot && s.getCandidatePrecincts().contains(precinct)).toList();
                String language = precinct.getRequiredLanguages().stream().findFirst().orElse(null);
                if (language == null && !capacityDone && reaching.size() > precinct.getCapacityPerSlot()) {
                    int capacity = precinct.getCapacityPerSlot();
                    edges.add(teamAlone(precinct, reaching.subList(0, capacity)));
                    edges.add(teamAlone(precinct, reaching.subList(0, capacity + 1)));
                    capacityDone = true;
                }
                if (language != null && !languageDone) {
                    List<Shift> speakers = reaching.stream().filter(s -> s.getVolunteer().speaks(language)).toList();
                    List<Shift> others = reaching.stream().filter(s -> !s.getVolunteer().speaks(language)).toList();
                    if (!speakers.isEmpty() && others.size() >= 2) {
                        edges.add(teamAlone(precinct, List.of(speakers.get(0), others.get(0))));
                        edges.add(teamAlone(precinct, others.subList(0, 2)));
                        languageDone = true;
                    }
                }
            }
        }
        assertThat(capacityDone && languageDone).as("the instance has both edges").isTrue();
        return edges;
    }

    private static FieldPlan teamAlone(Precinct precinct, List<Shift> team) {
        Set<String> ids = team.stream().map(Shift::getId).collect(Collectors.toSet());
        FieldPlan plan = problem.copyUnassigned();
        plan.getShifts().stream().filter(s -> ids.contains(s.getId())).forEach(s -> s.setPrecinct(precinct));
        return plan;
    }

    private static Precinct anyCandidate(Shift shift, SplittableRandom random) {
        List<Precinct> candidates = shift.getCandidatePrecincts();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static FieldPlan copyOf(FieldPlan plan) {
        return plan.withShifts(plan.getShifts().stream()
                .map(s -> new Shift(s.getVolunteer(), s.getSlot(), s.getPrecinct(), s.isPinned())).toList());
    }

    private static Set<String> brokenHardRules(FieldPlan plan) {
        return fieldPlan.getSolutionManager().explain(plan).getConstraintMatchTotalMap().values().stream()
                .filter(total -> total.getScore().hardScore() < 0)
                .map(ConstraintMatchTotal::getConstraintName)
                .collect(Collectors.toSet());
    }
}
