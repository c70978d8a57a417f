package org.fieldplan.data.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircle;
import org.junit.jupiter.api.Test;

class GeneratedAttributesTest {

    private static final FieldPlanProblem MEDIUM = new RegionGenerator().generate(RegionSize.M, 7);
    private static final List<Precinct> PRECINCTS = MEDIUM.precincts();
    private static final List<Volunteer> VOLUNTEERS = MEDIUM.volunteers();

    @Test
    void precinctAttributesAreInRealisticRanges() {
        assertThat(PRECINCTS).allSatisfy(p -> {
            assertThat(p.getRegisteredVoters()).satisfiesAnyOf(
                    voters -> assertThat(voters).isZero(), voters -> assertThat(voters).isBetween(800, 3_000));
            assertThat(p.getExpectedTurnout()).isBetween(0.35, 0.80);
            assertThat(p.getSupportShare()).isBetween(0.25, 0.80);
            assertThat(p.getRequiredSkills()).containsExactly(Skill.CANVASS);
            assertThat(p.getRequiredLanguages()).isSubsetOf("es");
        });
        assertThat(precinctShare(p -> p.getRegisteredVoters() == 0)).isBetween(0.002, 0.05);
        assertThat(precinctShare(p -> p.getRequiredLanguages().contains("es"))).isBetween(0.03, 0.40);
        // The spread is real, not everything piled up at a clamp.
        assertThat(precinctShare(p -> p.getSupportShare() > 0.5)).isBetween(0.25, 0.75);
        assertThat(precinctShare(p -> p.getExpectedTurnout() < 0.6)).isBetween(0.05, 0.6);
    }

    @Test
    void supportIsHigherInTheCityCoreThanInTheCountryside() {
        List<Precinct> byDistance = PRECINCTS.stream().sorted(Comparator.comparingDouble(
                p -> GreatCircle.distanceKm(41.82, -71.41, p.getCentroid().getY(), p.getCentroid().getX())))
                .toList();
        int tenth = byDistance.size() / 10;
        double core = byDistance.subList(0, tenth).stream().mapToDouble(Precinct::getSupportShare).average()
                .orElseThrow();
        double countryside = byDistance.subList(byDistance.size() - tenth, byDistance.size()).stream()
                .mapToDouble(Precinct::getSupportShare).average().orElseThrow();
        assertThat(core).isGreaterThan(0.6);
        assertThat(countryside).isLessThan(0.5);
    }

    @Test
    void houseDistrictsGroupAboutTwelvePrecinctsAndSenateDistrictsTwoOrThreeOfThem() {
        assertThat(PRECINCTS).allSatisfy(p -> {
            assertThat(p.getDistrictIds()).hasSize(2);
            assertThat(p.getDistrictIds().get(0)).matches("HD-\\d+");
            assertThat(p.getDistrictIds().get(1)).matches("SD-\\d+");
        });
        Map<String, Long> houseSizes = PRECINCTS.stream()
                .collect(Collectors.groupingBy(p -> p.getDistrictIds().get(0), Collectors.counting()));
        assertThat(houseSizes.values()).allSatisfy(size -> assertThat(size).isBetween(10L, 15L));
        Map<String, Set<String>> housesPerSenate = PRECINCTS.stream().collect(Collectors.groupingBy(
                p -> p.getDistrictIds().get(1), Collectors.mapping(p -> p.getDistrictIds().get(0), Collectors.toSet())));
        assertThat(housesPerSenate.values()).allSatisfy(houses -> assertThat(houses).hasSizeBetween(2, 3));
        // Each house district lies in exactly one senate district.
        assertThat(housesPerSenate.values().stream().mapToInt(Set::size).sum()).isEqualTo(houseSizes.size());
    }

    @Test
    void volunteerSkillsLanguagesAndModesFollowTheStatedMix() {
        assertThat(volunteerShare(v -> v.getSkills().contains(Skill.CANVASS))).isBetween(0.87, 0.93);
        assertThat(volunteerShare(v -> v.getSkills().contains(Skill.PHONE))).isBetween(0.46, 0.54);
        assertThat(volunteerShare(v -> v.getSkills().contains(Skill.DRIVER))).isBetween(0.35, 0.45);
        assertThat(volunteerShare(v -> v.getSkills().contains(Skill.TEAM_LEAD))).isBetween(0.07, 0.13);
        assertThat(volunteerShare(v -> v.getSkills().contains(Skill.DATA_ENTRY))).isBetween(0.12, 0.18);
        assertThat(VOLUNTEERS).allSatisfy(v -> assertThat(v.speaks("en")).isTrue());
        assertThat(volunteerShare(v -> v.speaks("es"))).isBetween(0.10, 0.20);
        assertThat(volunteerShare(v -> v.speaks("pt"))).isBetween(0.015, 0.045);
        assertThat(volunteerShare(v -> v.getTravelMode() == TravelMode.WALK)).isBetween(0.16, 0.24);
        assertThat(volunteerShare(v -> v.getTravelMode() == TravelMode.BIKE)).isBetween(0.07, 0.13);
        assertThat(volunteerShare(v -> v.getTravelMode() == TravelMode.TRANSIT)).isBetween(0.11, 0.19);
        assertThat(volunteerShare(v -> v.getTravelMode() == TravelMode.CAR)).isBetween(0.50, 0.60);
        assertThat(VOLUNTEERS).allSatisfy(v -> assertThat(v.getMaxTravelMinutes()).isBetween(15, 60));
    }

    @Test
    void drivingAndSpanishFollowWhereVolunteersLive() {
        // Spanish speakers cluster where Spanish is needed; walkers where precincts are dense (small).
        double spanishNearNeed = spanishShareOfVolunteersNear(true);
        double spanishElsewhere = spanishShareOfVolunteersNear(false);
        assertThat(spanishNearNeed).isGreaterThan(2 * spanishElsewhere);
        assertThat(volunteerShare(v -> v.getTravelMode() == TravelMode.CAR && v.getSkills().contains(Skill.DRIVER)))
                .isGreaterThan(0.9 * volunteerShare(v -> v.getSkills().contains(Skill.DRIVER)));
    }

    private static double spanishShareOfVolunteersNear(boolean spanishRequired) {
        List<Volunteer> group = VOLUNTEERS.stream()
                .filter(v -> homePrecinct(v).getRequiredLanguages().contains("es") == spanishRequired).toList();
        return (double) group.stream().filter(v -> v.speaks("es")).count() / group.size();
    }

    private static Precinct homePrecinct(Volunteer volunteer) {
        return PRECINCTS.stream().filter(p -> p.getGeometry().covers(volunteer.getHome())).findFirst().orElseThrow();
    }

    @Test
    void availabilityCoversWholeSlotsAndShiftLimitsFit() {
        List<TimeSlot> slots = MEDIUM.timeSlots();
        Set<LocalTime> boundaries = Set.of(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(13, 0),
                LocalTime.of(16, 0), LocalTime.of(17, 0), LocalTime.of(20, 0));
        assertThat(VOLUNTEERS).allSatisfy(v -> {
            assertThat(v.getAvailability()).isNotEmpty().allSatisfy(window -> {
                assertThat(boundaries).contains(window.start().toLocalTime(), window.end().toLocalTime());
                assertThat(window.start().toLocalDate()).isEqualTo(window.end().toLocalDate());
            });
            long offered = slots.stream().filter(v::isAvailableFor).count();
            assertThat(v.getMaxShifts()).isBetween(1, 4).isLessThanOrEqualTo((int) offered);
            assertThat(v.getMaxShiftsPerDay()).isBetween(1, 2).isLessThanOrEqualTo(v.getMaxShifts());
        });
        assertThat(volunteerShare(v -> v.getMaxShifts() == 2)).isGreaterThan(volunteerShare(v -> v.getMaxShifts() == 1));
        assertThat(volunteerShare(v -> slots.stream().filter(v::isAvailableFor).count() == 1)).isBetween(0.05, 0.4);
        // Election day is the most offered day, the Monday before it the least.
        assertThat(offeredOn(slots, "2026-11-03")).isGreaterThan(offeredOn(slots, "2026-11-01"))
                .isGreaterThan(offeredOn(slots, "2026-11-02"));
    }

    private static long offeredOn(List<TimeSlot> slots, String day) {
        return VOLUNTEERS.stream().filter(v -> slots.stream()
                .anyMatch(s -> s.getDay().toString().equals(day) && v.isAvailableFor(s))).count();
    }

    @Test
    void attendanceAveragesAboutSixtyPercent() {
        assertThat(VOLUNTEERS).allSatisfy(v -> assertThat(v.getAttendanceProbability()).isBetween(0.4, 0.9));
        double mean = VOLUNTEERS.stream().mapToDouble(Volunteer::getAttendanceProbability).average().orElseThrow();
        assertThat(mean).isBetween(0.57, 0.63);
    }

    @Test
    void organizersLeadAboutTwentyFiveNeighbours() {
        Map<String, Long> teamSizes = VOLUNTEERS.stream()
                .collect(Collectors.groupingBy(Volunteer::getOrganizerId, Collectors.counting()));
        assertThat(teamSizes).hasSize(80);
        assertThat(teamSizes.values()).allSatisfy(size -> assertThat(size).isBetween(23L, 27L));
        assertThat(teamSizes.keySet()).allSatisfy(id -> assertThat(id).matches("org-\\d+"));
    }

    private static double precinctShare(Predicate<Precinct> test) {
        return (double) PRECINCTS.stream().filter(test).count() / PRECINCTS.size();
    }

    private static double volunteerShare(Predicate<Volunteer> test) {
        return (double) VOLUNTEERS.stream().filter(test).count() / VOLUNTEERS.size();
    }
}
