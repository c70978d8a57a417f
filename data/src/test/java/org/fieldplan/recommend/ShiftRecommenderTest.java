package org.fieldplan.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.testing.TestSolvers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Recommendations against the greedy plan of the generated S region (seed 7). */
class ShiftRecommenderTest {

    private static final FieldPlanSolver SOLVER = TestSolvers.evaluationLimited(1);
    private static FieldPlan plan;
    private static LocalDateTime firstDay;

    @BeforeAll
    static void plan() {
        plan = SOLVER.greedyBaseline(ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.S, 7)));
        firstDay = plan.getTimeSlots().stream().map(TimeSlot::getStart).min(Comparator.naturalOrder()).orElseThrow()
                .toLocalDate().atStartOfDay();
    }

    @Test
    void marginalValueIsTheScoreDifferenceOfActuallyAddingTheShift() {
        Volunteer newcomer = newcomer("NEW", firstDay, firstDay.plusDays(1));
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan,
                new RecommendationQuery(newcomer, firstDay, firstDay.plusDays(1), null, null, 5));

        assertThat(recommendations).isNotEmpty();
        FieldPlan withNewcomer = withVolunteer(newcomer, null);
        HardMediumSoftLongScore before = SOLVER.score(withNewcomer);
        for (Recommendation recommendation : recommendations) {
            FieldPlan added = withVolunteer(newcomer, recommendation);
            HardMediumSoftLongScore after = SOLVER.score(added);

            assertThat(after.hardScore()).as("hard rules still hold").isEqualTo(before.hardScore());
            double voteDelta = (votes(added) - votes(withNewcomer)) / 1e6;
            assertThat(recommendation.marginalExpectedNetVotes()).isPositive().isCloseTo(voteDelta, within(1e-5));
        }
    }

    @Test
    void ranksByMarginalValueWithinTheOfferedTimeAndDistance() {
        LocalDateTime from = firstDay.plusHours(10);
        LocalDateTime to = firstDay.plusHours(17);
        Volunteer newcomer = newcomer("NEW", from, to);
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan,
                new RecommendationQuery(newcomer, from, to, 5.0, null, 3));

        assertThat(recommendations).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(recommendations).isSortedAccordingTo(
                Comparator.comparingDouble(Recommendation::marginalExpectedNetVotes).reversed());
        assertThat(recommendations).allSatisfy(r -> {
            assertThat(r.start()).isAfterOrEqualTo(from);
            assertThat(r.end()).isBeforeOrEqualTo(to);
            assertThat(r.distanceKm()).isLessThanOrEqualTo(5.0);
            assertThat(r.teamBefore()).isBetween(1, r.capacity() - 1);
            assertThat(r.reason()).contains(r.precinctId()).contains("expected net votes").contains("min by car");
        });
    }

    @Test
    void aVolunteerOfThePlanGetsNoSecondShiftInASlotTheyWork() {
        Shift worked = plan.getShifts().stream().filter(s -> s.getPrecinct() != null).findFirst().orElseThrow();
        Volunteer known = worked.getVolunteer();
        LocalDateTime from = worked.getSlot().getStart().toLocalDate().atStartOfDay();
        Volunteer asking = new Volunteer(known.getId(), null, known.getHome(), known.getSkills(),
                known.getLanguages(), known.getTravelMode(), known.getMaxTravelMinutes(),
                List.of(new AvailabilityWindow(from, from.plusDays(1))), 10, 10, known.getOrganizerId(),
                known.getAttendanceProbability(), Set.of());

        List<Recommendation> recommendations = ShiftRecommender.recommend(plan,
                new RecommendationQuery(asking, from, from.plusDays(1), null, null, 50));

        assertThat(recommendations).noneMatch(r -> r.slotId().equals(worked.getSlot().getId()));
    }

    @Test
    void nothingStartedIsRecommended() {
        Volunteer newcomer = newcomer("NEW", firstDay, firstDay.plusDays(2));
        LocalDateTime now = firstDay.plusHours(12);
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan,
                new RecommendationQuery(newcomer, firstDay, firstDay.plusDays(2), null, now, 50));

        assertThat(recommendations).isNotEmpty().allSatisfy(r -> assertThat(r.start()).isAfter(now));
    }

    /** A car-driving canvasser living where the plan's first assigned volunteer lives. */
    private static Volunteer newcomer(String id, LocalDateTime from, LocalDateTime to) {
        Volunteer neighbour = plan.getShifts().stream().filter(s -> s.getPrecinct() != null).findFirst()
                .orElseThrow().getVolunteer();
        return new Volunteer(id, null, neighbour.getHome(), Set.of(Skill.CANVASS), Set.of("en", "es"),
                TravelMode.CAR, 30, List.of(new AvailabilityWindow(from, to)), 10, 10, "org-1", 0.8, Set.of());
    }

    /** The plan with the volunteer added; with one shift at the recommendation's precinct-slot, or unassigned. */
    private static FieldPlan withVolunteer(Volunteer template, Recommendation at) {
        Volunteer volunteer = new Volunteer(template.getId(), null, template.getHome(), template.getSkills(),
                template.getLanguages(), template.getTravelMode(), template.getMaxTravelMinutes(),
                template.getAvailability(), template.getMaxShifts(), template.getMaxShiftsPerDay(),
                template.getOrganizerId(), template.getAttendanceProbability(), Set.of());
        ProblemPreparer.prepareVolunteer(volunteer, plan, ProblemPreparer.greatCircleTravelTimes(plan));
        TimeSlot slot = plan.getTimeSlots().stream().filter(volunteer::isAvailableFor).findFirst().orElseThrow();
        var precinct = at == null ? null
                : plan.getPrecincts().stream().filter(p -> p.getId().equals(at.precinctId())).findFirst().orElseThrow();
        if (at != null) {
            slot = plan.getTimeSlots().stream().filter(s -> s.getId().equals(at.slotId())).findFirst().orElseThrow();
        }
        List<Shift> shifts = new ArrayList<>();
        plan.getShifts().forEach(s -> shifts.add(new Shift(s.getVolunteer(), s.getSlot(), s.getPrecinct(), false)));
        shifts.add(new Shift(volunteer, slot, precinct, false));
        List<Volunteer> volunteers = new ArrayList<>(plan.getVolunteers());
        volunteers.add(volunteer);
        return new FieldPlan(plan.getName(), plan.getTimeZone(), plan.getVoteModel(), plan.getTravel(),
                plan.getDistricts(), plan.getTimeSlots(), plan.getPrecincts(), volunteers, shifts, plan.getWeights());
    }

    /** The soft total of the two vote constraints, in micro-votes, as the solver's score calculation has it. */
    private static long votes(FieldPlan scored) {
        return SOLVER.getSolutionManager().explain(scored).getConstraintMatchTotalMap().values().stream()
                .filter(total -> total.getConstraintName().equals(FieldPlanWeights.VOTE_VALUE)
                        || total.getConstraintName().equals(FieldPlanWeights.VOTES_LOST))
                .mapToLong(total -> total.getScore().softScore()).sum();
    }
}
