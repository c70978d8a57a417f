package org.fieldplan.api.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.solver.FieldPlanSolver;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.springframework.stereotype.Service;

/**
 * Explains a job's best plan: OptaPlanner's {@code ScoreExplanation} gives the per-constraint totals and, through
 * indictments, which constraints score each precinct and volunteer; the model gives the reasons behind what the
 * score alone cannot say, e.g. why a precinct gets no one (we are behind there, its district is not close, no one
 * can reach it) or why a volunteer stays home in a slot (nothing within reach, every reachable precinct full).
 */
@Service
public class ExplainService {

    private final FieldPlanSolver solver;

    public ExplainService(FieldPlanSolver solver) {
        this.solver = solver;
    }

    /**
     * @param precinctId explain only this precinct (and no volunteer unless asked); null with a null volunteerId
     *     explains every precinct and volunteer
     * @throws ApiException 404 for an unknown precinct or volunteer, 409 before the job has a plan
     */
    public Explanation explain(Job job, String precinctId, String volunteerId) {
        FieldPlan plan = job.getBestPlan();
        if (plan == null) {
            throw ApiException.conflict("job " + job.getId() + " has no plan yet (" + job.getStatus() + ")");
        }
        // NO_UPDATE: the plan is shared with concurrent readers and must not be touched.
        ScoreExplanation<FieldPlan, HardMediumSoftLongScore> explanation =
                solver.getSolutionManager().explain(plan, SolutionUpdatePolicy.NO_UPDATE);
        PlanFacts facts = new PlanFacts(plan);
        boolean all = precinctId == null && volunteerId == null;

        List<Explanation.Why> precincts = new ArrayList<>();
        for (Precinct precinct : plan.getPrecincts()) {
            if (all || precinct.getId().equals(precinctId)) {
                precincts.add(new Explanation.Why(precinct.getId(), facts.reasons(precinct),
                        totals(explanation.getIndictmentMap().get(precinct))));
            }
        }
        List<Explanation.Why> volunteers = new ArrayList<>();
        for (Volunteer volunteer : plan.getVolunteers()) {
            if (all || volunteer.getId().equals(volunteerId)) {
                volunteers.add(new Explanation.Why(volunteer.getId(), facts.reasons(volunteer),
                        totals(explanation.getIndictmentMap().get(volunteer))));
            }
        }
        if (precinctId != null && precincts.isEmpty()) {
            throw ApiException.notFound("precinct", precinctId);
        }
        if (volunteerId != null && volunteers.isEmpty()) {
            throw ApiException.notFound("volunteer", volunteerId);
        }
        List<Explanation.ConstraintTotal> constraints = explanation.getConstraintMatchTotalMap().values().stream()
                .sorted(Comparator.comparing((ConstraintMatchTotal<HardMediumSoftLongScore> t) -> t.getScore())
                        .thenComparing(ConstraintMatchTotal::getConstraintName))
                .map(t -> new Explanation.ConstraintTotal(t.getConstraintName(), t.getScore().toString(),
                        t.getConstraintMatchCount()))
                .toList();
        return new Explanation(job.getId(), explanation.getScore().toString(), constraints, precincts, volunteers);
    }

    private static List<Explanation.ConstraintTotal> totals(Indictment<HardMediumSoftLongScore> indictment) {
        if (indictment == null) {
            return List.of();
        }
        Map<String, HardMediumSoftLongScore> scores = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        indictment.getConstraintMatchSet().forEach(match -> {
            scores.merge(match.getConstraintName(), match.getScore(), HardMediumSoftLongScore::add);
            counts.merge(match.getConstraintName(), 1, Integer::sum);
        });
        return scores.entrySet().stream()
                .map(e -> new Explanation.ConstraintTotal(e.getKey(), e.getValue().toString(), counts.get(e.getKey())))
                .toList();
    }

    /** What the plan does with each precinct and volunteer, and the model's reasons. */
    private static final class PlanFacts {

        private final Map<Precinct, List<Shift>> shiftsByPrecinct = new HashMap<>();
        private final Map<Volunteer, List<Shift>> shiftsByVolunteer = new HashMap<>();
        private final Map<String, Integer> teamSizes = new HashMap<>();
        private final Map<Precinct, Integer> reachableBy = new HashMap<>();

        PlanFacts(FieldPlan plan) {
            for (Shift shift : plan.getShifts()) {
                shiftsByVolunteer.computeIfAbsent(shift.getVolunteer(), v -> new ArrayList<>()).add(shift);
                if (shift.getPrecinct() != null) {
                    shiftsByPrecinct.computeIfAbsent(shift.getPrecinct(), p -> new ArrayList<>()).add(shift);
                    teamSizes.merge(key(shift.getPrecinct(), shift.getSlot()), 1, Integer::sum);
                }
            }
            for (Volunteer volunteer : plan.getVolunteers()) {
                volunteer.getCandidatePrecincts().forEach(p -> reachableBy.merge(p, 1, Integer::sum));
            }
        }

        List<String> reasons(Precinct precinct) {
            List<Shift> shifts = shiftsByPrecinct.getOrDefault(precinct, List.of());
            List<String> reasons = new ArrayList<>();
            if (!shifts.isEmpty()) {
                double sumLog = shifts.stream().mapToDouble(Shift::getLogUncoveredShare).sum();
                long slots = shifts.stream().map(Shift::getSlot).distinct().count();
                reasons.add(String.format(Locale.ROOT,
                        "gets %d shifts in %d slots: %.3f expected net votes of %.3f at full coverage "
                                + "(support %.0f%%, pivotality %.2f, %.0f doors left)",
                        shifts.size(), slots, precinct.expectedVotes(sumLog), precinct.getFullCoverageVotes(),
                        100 * precinct.getSupportShare(), precinct.getPivotality(), precinct.getRemainingDoors()));
                return reasons;
            }
            if (precinct.getSupportShare() < 0.5) {
                reasons.add(String.format(Locale.ROOT,
                        "gets no one: support %.0f%%, turnout work there loses votes", 100 * precinct.getSupportShare()));
            } else if (precinct.getRemainingDoors() <= 0) {
                reasons.add("gets no one: no doors left to knock");
            } else if (precinct.getFullCoverageVotes() <= 0 || precinct.getCapacityPerSlot() == 0) {
                reasons.add(String.format(Locale.ROOT,
                        "gets no one: its districts are not close (pivotality %.4f), so turnout there moves no race",
                        precinct.getPivotality()));
            } else if (reachableBy.getOrDefault(precinct, 0) == 0) {
                reasons.add("gets no one: no volunteer can reach it within their travel limit with the skills it "
                        + "requires");
            } else {
                reasons.add(String.format(Locale.ROOT,
                        "gets no one: %d volunteers could reach it, but other precincts gain more per shift "
                                + "(%.3f expected net votes at full coverage here)",
                        reachableBy.get(precinct), precinct.getFullCoverageVotes()));
            }
            return reasons;
        }

        List<String> reasons(Volunteer volunteer) {
            List<String> reasons = new ArrayList<>();
            List<Shift> shifts = shiftsByVolunteer.getOrDefault(volunteer, List.of());
            if (shifts.isEmpty()) {
                reasons.add("offered no slot of this plan");
                return reasons;
            }
            for (Shift shift : shifts) {
                TimeSlot slot = shift.getSlot();
                if (shift.getPrecinct() != null) {
                    reasons.add(String.format(Locale.ROOT, "on %s canvasses %s (%d min away, team of %d)",
                            slot.getId(), shift.getPrecinct().getId(), shift.getTravelMinutes(),
                            teamSizes.get(key(shift.getPrecinct(), slot))));
                } else if (volunteer.getCandidatePrecincts().isEmpty()) {
                    reasons.add(String.format(Locale.ROOT,
                            "is unassigned on %s: no precinct worth canvassing within %d min by %s",
                            slot.getId(), volunteer.getMaxTravelMinutes(),
                            volunteer.getTravelMode().name().toLowerCase(Locale.ROOT)));
                } else if (volunteer.getCandidatePrecincts().stream().allMatch(
                        p -> teamSizes.getOrDefault(key(p, slot), 0) >= p.getCapacityPerSlot())) {
                    reasons.add("is unassigned on " + slot.getId() + ": every reachable precinct is at capacity");
                } else {
                    reasons.add("is unassigned on " + slot.getId() + ": a shift there would add fewer votes than "
                            + "it costs (travel, fair load, shift limits, no buddy free)");
                }
            }
            return reasons;
        }

        private static String key(Precinct precinct, TimeSlot slot) {
            return precinct.getId() + "@" + slot.getId();
        }
    }
}
