package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.junit.jupiter.api.Test;

class RegionGeneratorTest {

    private final RegionGenerator generator = new RegionGenerator();

    @Test
    void sameSeedGivesTheSameProblem() {
        assertThat(CanonicalForm.render(generator.generate(RegionSize.M, 7)))
                .isEqualTo(CanonicalForm.render(generator.generate(RegionSize.M, 7)));
    }

    @Test
    void differentSeedsGiveDifferentProblems() {
        FieldPlanProblem seven = generator.generate(RegionSize.S, 7);
        FieldPlanProblem eight = generator.generate(RegionSize.S, 8);
        assertThat(CanonicalForm.render(seven)).isNotEqualTo(CanonicalForm.render(eight));
        assertThat(seven.precincts().get(0).getGeometry())
                .isNotEqualTo(eight.precincts().get(0).getGeometry());
        assertThat(seven.volunteers().get(0).getHome()).isNotEqualTo(eight.volunteers().get(0).getHome());
    }

    @Test
    void presetSizesHaveTheirCounts() {
        for (RegionSize size : List.of(RegionSize.S, RegionSize.M, RegionSize.L)) {
            FieldPlanProblem problem = generator.generate(size, 3);
            // A degenerate cell may be dropped, but hardly ever more than one in a hundred.
            assertThat(problem.precincts()).as(size.name()).hasSizeBetween(size.precinctCount() * 99 / 100,
                    size.precinctCount());
            assertThat(problem.volunteers()).as(size.name()).hasSize(size.volunteerCount());
            assertThat(problem.name()).isEqualTo("Demo region " + size.name() + " seed 3");
        }
    }

    @Test
    void explicitCountsAreHonoured() {
        FieldPlanProblem problem = generator.generate(30, 7, 1);
        assertThat(problem.precincts()).hasSize(30);
        assertThat(problem.volunteers()).hasSize(7);
        assertThat(problem.name()).isEqualTo("Demo region 30x7 seed 1");
    }

    @Test
    void idsAreNumberedAndUnique() {
        FieldPlanProblem problem = generator.generate(RegionSize.S, 7);
        assertThat(problem.precincts().get(0).getId()).isEqualTo("P0001");
        assertThat(problem.volunteers().get(0).getId()).isEqualTo("V00001");
        assertThat(problem.volunteers().get(41).getName()).isEqualTo("Volunteer 00042");
        assertThat(problem.precincts().stream().map(p -> p.getId()).distinct()).hasSize(problem.precincts().size());
        assertThat(problem.volunteers().stream().map(v -> v.getId()).distinct()).hasSize(100);
    }

    @Test
    void gotvWeekendHasFourDaysOfThreeSlots() {
        FieldPlanProblem problem = generator.generate(RegionSize.S, 7);
        assertThat(problem.timeZone()).isEqualTo("America/New_York");
        List<TimeSlot> slots = problem.timeSlots();
        assertThat(slots).extracting(TimeSlot::getId).containsExactly(
                "2026-10-31-am", "2026-10-31-mid", "2026-10-31-pm",
                "2026-11-01-am", "2026-11-01-mid", "2026-11-01-pm",
                "2026-11-02-am", "2026-11-02-mid", "2026-11-02-pm",
                "2026-11-03-am", "2026-11-03-mid", "2026-11-03-pm");
        assertThat(slots.get(1).getStart()).isEqualTo(LocalDateTime.of(2026, 10, 31, 13, 0));
        assertThat(slots.get(11).getEnd()).isEqualTo(LocalDateTime.of(2026, 11, 3, 20, 0));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.getHours()).isEqualTo(3.0));
    }

    @Test
    void problemIsStatedNotDerived() {
        FieldPlanProblem problem = generator.generate(RegionSize.S, 7);
        assertThat(problem.districts()).isEmpty();
        assertThat(problem.assignments()).isEmpty();
        assertThat(problem.precincts()).allSatisfy(p -> {
            assertThat(p.getStatedPivotality()).isNull();
            assertThat(p.getStatedTargetDoors()).isNull();
            assertThat(p.getStatedCapacityPerSlot()).isNull();
            assertThat(p.getStatedDoorsPerHour()).isNull();
        });
    }
}
