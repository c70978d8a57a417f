package org.fieldplan.api.replan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanSolver;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.springframework.stereotype.Component;

/**
 * The hard rules a plan breaks, each in words: the rule's name and what breaks it, e.g. "Nobody canvasses alone: P0012
 * on 2026-10-31-pm has one canvasser". Read from OptaPlanner's score explanation, so it says exactly what the score
 * counts.
 */
@Component
class HardRuleBreaks {

    private final FieldPlanSolver solver;

    HardRuleBreaks(FieldPlanSolver solver) {
        this.solver = solver;
    }

    List<String> of(FieldPlan plan) {
        List<String> breaks = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : solver.getSolutionManager()
                .explain(plan, SolutionUpdatePolicy.NO_UPDATE).getConstraintMatchTotalMap().values()) {
            for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                if (match.getScore().hardScore() < 0) {
                    breaks.add(total.getConstraintName() + ": " + what(total.getConstraintName(),
                            match.getJustificationList()));
                }
            }
        }
        breaks.sort(null);
        return breaks;
    }

    /** The facts of one match, e.g. (precinct, slot, team size, members who cannot move) for the capacity rule, in words. */
    private static String what(String rule, List<Object> facts) {
        return switch (rule) {
            case FieldPlanWeights.CAPACITY -> facts.get(0) instanceof Precinct precinct
                    ? team(facts) + " has " + facts.get(2) + " canvassers, room for " + (facts.size() > 3
                            && facts.get(3) instanceof Integer fixed ? precinct.capacityWith(fixed)
                            : precinct.getCapacityPerSlot())
                    : words(facts);
            case FieldPlanWeights.BUDDY_RULE -> team(facts) + " has one canvasser";
            case FieldPlanWeights.REQUIRED_LANGUAGES -> team(facts) + " has no speaker of a language it needs";
            case FieldPlanWeights.MAX_SHIFTS_PER_DAY -> facts.get(0) instanceof Volunteer volunteer
                    ? volunteer.getId() + " works " + facts.get(2) + " shifts on " + facts.get(1) + ", at most "
                            + volunteer.getMaxShiftsPerDay()
                    : words(facts);
            case FieldPlanWeights.MAX_SHIFTS -> facts.get(0) instanceof Volunteer volunteer
                    ? volunteer.getId() + " works " + facts.get(1) + " shifts, at most " + volunteer.getMaxShifts()
                    : words(facts);
            default -> words(facts);
        };
    }

    private static String team(List<Object> facts) {
        return words(facts.subList(0, Math.min(2, facts.size())));
    }

    private static String words(List<Object> facts) {
        return facts.stream().map(fact -> {
            if (fact instanceof Precinct precinct) {
                return precinct.getId();
            }
            if (fact instanceof TimeSlot slot) {
                return "on " + slot.getId();
            }
            if (fact instanceof Volunteer volunteer) {
                return volunteer.getId();
            }
            if (fact instanceof Shift shift) {
                return shift.getVolunteer().getId() + "'s shift on " + shift.getSlot().getId()
                        + (shift.getPrecinct() == null ? "" : " in " + shift.getPrecinct().getId());
            }
            return String.valueOf(fact);
        }).collect(Collectors.joining(" "));
    }
}
