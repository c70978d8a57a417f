package org.fieldplan.api.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.solver.FieldPlanSolver;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.springframework.stereotype.Component;

/**
 * Checks an organizer's change against the hard rules with the solver's own constraint totals (OptaPlanner's score
 * explanation of the plan before and after): a rule whose hard penalty grows is broken by the change. Some breaks an
 * organizer may knowingly accept, because they know something the plan does not (docs/live-plan.md); the others are
 * always refused.
 */
@Component
class RuleCheck {

    /** Rules an organizer may break with {@code "accept": true}. */
    static final Set<String> ACCEPTABLE = Set.of(FieldPlanWeights.BUDDY_RULE, FieldPlanWeights.CAPACITY,
            FieldPlanWeights.TRAVEL_LIMIT, FieldPlanWeights.REQUIRED_LANGUAGES);

    private final FieldPlanSolver solver;

    RuleCheck(FieldPlanSolver solver) {
        this.solver = solver;
    }

    /**
     * @return the acceptable rules the change breaks, accepted (empty when it breaks none)
     * @throws ApiException 409 naming the broken rules: always for a rule that may not be broken, and for an
     *     acceptable one unless {@code accept}
     */
    List<String> check(FieldPlan before, FieldPlan after, boolean accept) {
        return check(hardByRule(before), hardByRule(after), accept);
    }

    /**
     * For going back (restore, undo), which moves many shifts at once: checked as {@link #check} only when the hard
     * score as a whole gets worse, since trading one rule's penalty for a larger relief elsewhere is a repair.
     */
    List<String> checkNotWorse(FieldPlan before, FieldPlan after, boolean accept) {
        Map<String, Long> hardBefore = hardByRule(before);
        Map<String, Long> hardAfter = hardByRule(after);
        if (total(hardAfter) >= total(hardBefore)) {
            return List.of();
        }
        return check(hardBefore, hardAfter, accept);
    }

    private List<String> check(Map<String, Long> hardBefore, Map<String, Long> hardAfter, boolean accept) {
        Set<String> broken = new TreeSet<>();
        hardAfter.forEach((rule, penalty) -> {
            if (penalty < hardBefore.getOrDefault(rule, 0L)) {
                broken.add(rule);
            }
        });
        if (broken.isEmpty()) {
            return List.of();
        }
        List<String> refused = broken.stream().filter(rule -> !ACCEPTABLE.contains(rule)).toList();
        if (!refused.isEmpty()) {
            throw ApiException.conflict("the change breaks the rule" + (refused.size() > 1 ? "s" : "") + " \""
                    + String.join("\", \"", refused) + "\", which an organizer may not override");
        }
        if (!accept) {
            throw ApiException.conflict("the change breaks the rule" + (broken.size() > 1 ? "s" : "") + " \""
                    + String.join("\", \"", broken) + "\"; send \"accept\": true to make it knowingly");
        }
        return new ArrayList<>(broken);
    }

    private static long total(Map<String, Long> hard) {
        return hard.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> hardByRule(FieldPlan plan) {
        Map<String, Long> hard = new HashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : solver.getSolutionManager().explain(plan)
                .getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() != 0) {
                hard.put(total.getConstraintName(), total.getScore().hardScore());
            }
        }
        return hard;
    }
}
