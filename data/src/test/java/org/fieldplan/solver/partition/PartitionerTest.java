package org.fieldplan.solver.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Partition invariants on generated M cut into four parts: every precinct in exactly one part, no volunteer in two,
 * each volunteer in the part holding most of their reachable value, and the stitched plan feasible, scoring the sum of
 * its parts.
 */
class PartitionerTest {

    private static final int PARTS = 4;
    private static FieldPlan plan;
    private static RegionPartition partition;
    private static final FieldPlanSolver SCORER = FieldPlanSolver.withTimeLimit(Duration.ofSeconds(1));

    @BeforeAll
    static void cut() {
        plan = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.M, 7));
        partition = RegionPartition.of(plan, PARTS, 0, Map.of());
    }

    @Test
    void everyPrecinctIsInExactlyOnePart() {
        assertThat(partition.parts()).hasSize(PARTS);
        Set<Precinct> seen = identitySet();
        for (RegionPartition.Part part : partition.parts()) {
            assertThat(part.precincts()).isNotEmpty();
            for (Precinct precinct : part.precincts()) {
                assertThat(seen.add(precinct)).as("%s in two parts", precinct.getId()).isTrue();
            }
        }
        assertThat(seen).hasSameSizeAs(plan.getPrecincts()).containsAll(plan.getPrecincts());
    }

    @Test
    void everyVolunteerWithCandidatesIsInOnePartTheOneWorthMostToThem() {
        Map<Precinct, Integer> partOf = new IdentityHashMap<>();
        Map<Volunteer, Integer> volunteerPart = new IdentityHashMap<>();
        for (int i = 0; i < PARTS; i++) {
            for (Precinct precinct : partition.parts().get(i).precincts()) {
                partOf.put(precinct, i);
            }
            for (Volunteer volunteer : partition.parts().get(i).volunteers()) {
                assertThat(volunteerPart.put(volunteer, i)).as("%s in two parts", volunteer.getId()).isNull();
            }
        }
        int crossing = 0;
        for (Volunteer volunteer : plan.getVolunteers()) {
            if (volunteer.getCandidatePrecincts().isEmpty()) {
                assertThat(volunteerPart).doesNotContainKey(volunteer);
                continue;
            }
            double[] value = new double[PARTS];
            volunteer.getCandidatePrecincts().forEach(p -> value[partOf.get(p)] += p.oneShiftValue(3.0));
            int part = volunteerPart.get(volunteer);
            for (double other : value) {
                assertThat(value[part]).isGreaterThanOrEqualTo(other);
            }
            if (volunteer.getCandidatePrecincts().stream().map(partOf::get).distinct().count() > 1) {
                crossing++;
            }
        }
        // The rule is exercised: some volunteers can reach more than one part.
        assertThat(crossing).isPositive();
    }

    /** The listener hears each round start with no part done, then each part's end, counted up to the parts. */
    @Test
    void theListenerHearsEachRoundStartAndEveryPartsEnd() {
        List<PartitionProgress> heard = Collections.synchronizedList(new java.util.ArrayList<>());
        int partShifts = (plan.getShifts().size() + 1) / 2;

        PartitionedSearch.solve(plan, Duration.ofMillis(2_400), 2, partShifts, heard::add);

        assertThat(heard).isNotEmpty().allSatisfy(progress -> {
            assertThat(progress.rounds()).isEqualTo(PartitionedSearch.ROUND_ANGLES.length);
            assertThat(progress.parts()).isEqualTo(2);
            assertThat(progress.partsDone()).isBetween(0, 2);
        });
        List<PartitionProgress> firstRound = heard.stream().filter(p -> p.round() == 1).toList();
        assertThat(firstRound).extracting(PartitionProgress::partsDone).containsExactly(0, 1, 2);
        assertThat(heard.get(heard.size() - 1).partsDone()).isEqualTo(2);
    }

    @Test
    void stitchedPlanIsFeasibleAndScoresTheSumOfItsParts() {
        List<GreedyPlanner.Decision> decisions = PartitionedSearch.solveParts(plan, partition, Map.of(),
                Duration.ofMillis(800), 2);
        FieldPlan stitched = plan.copyUnassigned();
        Map<Shift, Shift> copyOf = new IdentityHashMap<>();
        for (int i = 0; i < plan.getShifts().size(); i++) {
            copyOf.put(plan.getShifts().get(i), stitched.getShifts().get(i));
        }
        for (GreedyPlanner.Decision decision : decisions) {
            assertThat(decision.precinct() == null
                    || decision.shift().getCandidatePrecincts().contains(decision.precinct())).isTrue();
            copyOf.get(decision.shift()).setPrecinct(decision.precinct());
        }
        HardMediumSoftLongScore whole = SCORER.score(stitched);
        assertThat(whole.hardScore()).isZero();
        assertThat(decisions.stream().filter(d -> d.precinct() != null).count())
                .isGreaterThan(plan.getShifts().size() / 10);

        // Each part scored with its share of the stitched plan: the parts add up to the whole.
        HardMediumSoftLongScore sum = HardMediumSoftLongScore.ZERO;
        for (RegionPartition.Part part : partition.parts()) {
            PartPlan partPlan = PartPlan.of(plan, part, Map.of());
            for (int i = 0; i < partPlan.originals().size(); i++) {
                Precinct precinct = copyOf.get(partPlan.originals().get(i)).getPrecinct();
                assertThat(precinct == null || part.precincts().contains(precinct)).isTrue();
                partPlan.plan().getShifts().get(i).setPrecinct(precinct);
            }
            sum = sum.add(SCORER.score(partPlan.plan()));
        }
        assertThat(sum).isEqualTo(whole);
    }

    @Test
    void aSecondRoundCutAt45DegreesFixesVolunteersSpreadOverPartsAndNeverLosesScore() {
        FieldPlan greedy = SCORER.greedyBaseline(plan);
        Map<Shift, Precinct> assigned = new IdentityHashMap<>();
        greedy.getShifts().stream().filter(s -> s.getPrecinct() != null).forEach(s -> assigned.put(s, s.getPrecinct()));
        RegionPartition second = RegionPartition.of(greedy, PARTS, 45, assigned);
        assertThat(second.parts().stream().map(RegionPartition.Part::precincts).toList())
                .isNotEqualTo(partition.parts().stream().map(RegionPartition.Part::precincts).toList());
        Map<Precinct, Integer> partOf = new IdentityHashMap<>();
        Set<Volunteer> inAPart = identitySet();
        for (int i = 0; i < PARTS; i++) {
            int part = i;
            second.parts().get(i).precincts().forEach(p -> partOf.put(p, part));
            inAPart.addAll(second.parts().get(i).volunteers());
        }
        Set<Shift> fixed = identitySet();
        for (RegionPartition.Part part : second.parts()) {
            for (Shift shift : part.fixed()) {
                assertThat(part.precincts()).contains(shift.getPrecinct());
                assertThat(inAPart).doesNotContain(shift.getVolunteer());
                fixed.add(shift);
            }
        }
        for (Shift shift : greedy.getShifts()) {
            if (shift.getPrecinct() != null && !inAPart.contains(shift.getVolunteer())) {
                assertThat(fixed).contains(shift);
            }
        }
        assertThat(fixed).isNotEmpty();

        FieldPlan improved = greedy.copyUnassigned();
        Map<Shift, Shift> copyOf = new IdentityHashMap<>();
        for (int i = 0; i < greedy.getShifts().size(); i++) {
            copyOf.put(greedy.getShifts().get(i), improved.getShifts().get(i));
            improved.getShifts().get(i).setPrecinct(greedy.getShifts().get(i).getPrecinct());
        }
        for (GreedyPlanner.Decision decision : PartitionedSearch.solveParts(greedy, second, assigned,
                Duration.ofMillis(800), 2)) {
            copyOf.get(decision.shift()).setPrecinct(decision.precinct());
        }
        HardMediumSoftLongScore after = SCORER.score(improved);
        assertThat(after.hardScore()).isZero();
        assertThat(after).isGreaterThanOrEqualTo(greedy.getScore());
    }

    /**
     * Another instance builds a part from its spec and its own copy of the problem: the same shifts, starts, pins and
     * candidates, and its result comes back as decisions on the owner's shifts.
     */
    @Test
    void aPartBuiltFromItsSpecOnAnotherCopyOfTheProblemIsTheSamePart() {
        FieldPlan greedy = SCORER.greedyBaseline(plan);
        Map<Shift, Precinct> assigned = new IdentityHashMap<>();
        greedy.getShifts().stream().filter(s -> s.getPrecinct() != null).forEach(s -> assigned.put(s, s.getPrecinct()));
        RegionPartition second = RegionPartition.of(greedy, PARTS, 45, assigned);
        assertThat(second.parts().stream().mapToInt(part -> part.fixed().size()).sum()).isPositive();
        FieldPlan elsewhere = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.M, 7));
        for (RegionPartition.Part part : second.parts()) {
            PartPlan here = PartPlan.of(greedy, part, assigned);
            PartPlan there = PartPlan.of(elsewhere, here.spec());
            assertThat(describe(there.plan())).isEqualTo(describe(here.plan()));
            assertThat(there.plan().getShifts().stream().filter(Shift::isPinned).count()).isEqualTo(
                    here.plan().getShifts().stream().filter(Shift::isPinned).count());
        }
        PartPlan here = PartPlan.of(greedy, second.parts().get(0), assigned);
        List<String> result = PartPlan.of(elsewhere, here.spec()).solve(Duration.ofMillis(600));
        List<GreedyPlanner.Decision> decisions = here.decisions(result);
        assertThat(decisions).extracting(GreedyPlanner.Decision::shift).containsExactlyElementsOf(here.originals());
        assertThat(decisions).extracting(d -> d.precinct() == null ? null : d.precinct().getId())
                .containsExactlyElementsOf(result);
        assertThat(result.stream().filter(id -> id != null).count()).isPositive();
    }

    /** A part plan as ids: each shift with its start precinct, each volunteer with their candidates. */
    private static List<String> describe(FieldPlan part) {
        List<String> lines = new java.util.ArrayList<>();
        part.getShifts().forEach(s -> lines.add(s.getId() + "->" + (s.getPrecinct() == null ? "-"
                : s.getPrecinct().getId()) + (s.isPinned() ? " pinned" : "")));
        part.getVolunteers().forEach(v -> lines.add(v.getId() + ": " + v.getCandidatePrecincts().stream()
                .map(Precinct::getId).toList()));
        return lines;
    }

    @Test
    void regionsOfAFewThousandShiftsStayWhole() {
        assertThat(PartitionedSearch.splits(plan)).isFalse();
        assertThat(PartitionedSearch.partCount(plan)).isEqualTo(1);
    }

    @Test
    void aRestrictedVolunteerKeepsTheTravelTimesOfTheCandidatesLeft() {
        Volunteer volunteer = plan.getVolunteers().stream()
                .filter(v -> v.getCandidatePrecincts().size() > 3).findFirst().orElseThrow();
        List<Precinct> candidates = volunteer.getCandidatePrecincts();
        Set<Precinct> kept = identitySet();
        kept.add(candidates.get(1));
        kept.add(candidates.get(3));
        Volunteer restricted = volunteer.restrictedTo(kept);
        assertThat(restricted.getCandidatePrecincts()).containsExactly(candidates.get(1), candidates.get(3));
        assertThat(restricted.travelMinutesTo(candidates.get(3))).isEqualTo(volunteer.travelMinutesTo(candidates.get(3)));
        assertThat(restricted.isOffersUsefulTime()).isEqualTo(volunteer.isOffersUsefulTime());
    }

    private static <T> Set<T> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
