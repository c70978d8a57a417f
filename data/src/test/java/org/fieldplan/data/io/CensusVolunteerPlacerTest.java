package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.Test;

class CensusVolunteerPlacerTest {

    /** Rhode Island's extent (TIGER state outline, Block Island included), rounded outwards. */
    private static final double WEST = -71.91;
    private static final double EAST = -71.08;
    private static final double SOUTH = 41.09;
    private static final double NORTH = 42.02;

    private static final List<TimeSlot> SLOTS = List.of(
            slot("sat-am", 31, 9, 12), slot("sat-pm", 31, 13, 16), slot("sun-pm", 32, 13, 16),
            slot("mon-eve", 33, 17, 20));

    private final CensusVolunteerPlacer placer =
            CensusVolunteerPlacer.fromCsv(TestFiles.sharedData("census/cenpop2020_bg_RI.csv"), SLOTS);

    @Test
    void readsEveryBlockGroup() {
        List<CensusVolunteerPlacer.BlockGroupCentre> centres =
                CensusVolunteerPlacer.readBlockGroups(TestFiles.sharedData("census/cenpop2020_bg_RI.csv"));

        assertThat(centres).hasSize(792);
        assertThat(centres.get(0)).isEqualTo(
                new CensusVolunteerPlacer.BlockGroupCentre("440010301001", 1555, 41.754328, -71.334982));
    }

    @Test
    void placesTheRequestedNumberInsideRhodeIsland() {
        List<Volunteer> volunteers = placer.place(500, 42);

        assertThat(volunteers).hasSize(500);
        assertThat(volunteers.get(0).getId()).isEqualTo("V0001");
        assertThat(volunteers).extracting(Volunteer::getId).doesNotHaveDuplicates();
        assertThat(volunteers).allSatisfy(v -> {
            assertThat(v.getHome().getX()).isBetween(WEST, EAST);
            assertThat(v.getHome().getY()).isBetween(SOUTH, NORTH);
        });
    }

    @Test
    void theSameSeedGivesTheSameVolunteers() {
        String first = describe(placer.place(200, 7));
        String again = describe(placer.place(200, 7));
        String other = describe(placer.place(200, 8));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** With nothing known about the neighbourhood, the sampler's overall shares apply. */
    @Test
    void attributesFollowTheSamplersOverallShares() {
        List<Volunteer> volunteers = placer.place(4000, 1);

        assertThat(share(volunteers, v -> v.getSkills().contains(Skill.CANVASS))).isCloseTo(0.90, within(0.03));
        assertThat(share(volunteers, v -> v.getSkills().contains(Skill.DRIVER))).isCloseTo(0.40, within(0.03));
        assertThat(share(volunteers, v -> v.getSkills().contains(Skill.TEAM_LEAD))).isCloseTo(0.10, within(0.03));
        assertThat(share(volunteers, v -> v.getSkills().contains(Skill.DATA_ENTRY))).isCloseTo(0.15, within(0.03));
        assertThat(share(volunteers, v -> v.getLanguages().contains("es"))).isCloseTo(0.15, within(0.03));
        assertThat(share(volunteers, v -> v.getTravelMode() == TravelMode.CAR)).isCloseTo(0.55, within(0.03));
        assertThat(share(volunteers, v -> v.getTravelMode() == TravelMode.WALK)).isCloseTo(0.20, within(0.03));
        assertThat(volunteers.stream().mapToDouble(Volunteer::getAttendanceProbability).average().orElseThrow())
                .isCloseTo(0.6, within(0.02));
        // The last day of the slots is taken for election day, which more volunteers offer than Sunday.
        assertThat(share(volunteers, v -> v.isAvailableFor(SLOTS.get(3)))).isGreaterThan(
                share(volunteers, v -> v.isAvailableFor(SLOTS.get(2))) + 0.03);
        assertThat(volunteers).allSatisfy(v -> {
            assertThat(v.getLanguages()).contains("en");
            assertThat(v.getAttendanceProbability()).isBetween(0.4, 0.9);
            assertThat(v.getMaxShifts()).isBetween(1, 4);
            assertThat(v.getMaxShiftsPerDay()).isBetween(1, Math.min(2, v.getMaxShifts()));
            assertThat(v.getMaxShifts()).isLessThanOrEqualTo((int) SLOTS.stream().filter(v::isAvailableFor).count());
            assertThat(v.getPreferredPrecinctIds()).isEmpty();
        });
    }

    @Test
    void organizersHaveCompactTurfsOfAboutTwentyFiveVolunteers() {
        List<Volunteer> volunteers = placer.place(4000, 1);

        Map<String, List<Volunteer>> turfs =
                volunteers.stream().collect(Collectors.groupingBy(Volunteer::getOrganizerId));
        assertThat(turfs).hasSize(4000 / 25);
        assertThat(turfs.values()).allSatisfy(turf -> assertThat(turf).hasSizeBetween(20, 30));
        // A turf spans far less than the state (about 60 km × 100 km): its volunteers are neighbours.
        double medianSpanKm = turfs.values().stream().mapToDouble(CensusVolunteerPlacerTest::latitudeSpanKm).sorted()
                .skip(turfs.size() / 2).findFirst().orElseThrow();
        assertThat(medianSpanKm).isLessThan(15);
    }

    private static double latitudeSpanKm(List<Volunteer> turf) {
        DoubleSummaryStatistics latitudes = turf.stream().mapToDouble(v -> v.getHome().getY()).summaryStatistics();
        return (latitudes.getMax() - latitudes.getMin()) * 111.32;
    }

    private static double share(List<Volunteer> volunteers, Predicate<Volunteer> test) {
        return volunteers.stream().filter(test).count() / (double) volunteers.size();
    }

    /** Everything drawn, as text: ids, homes and attributes (sets sorted so the text is stable). */
    private static String describe(List<Volunteer> volunteers) {
        StringBuilder text = new StringBuilder();
        for (Volunteer v : volunteers) {
            text.append(v.getId()).append(v.getHome()).append(new TreeSet<>(v.getSkills()))
                    .append(new TreeSet<>(v.getLanguages())).append(v.getTravelMode())
                    .append(v.getMaxTravelMinutes()).append(v.getAvailability()).append(v.getMaxShifts())
                    .append(v.getMaxShiftsPerDay()).append(v.getOrganizerId()).append(v.getAttendanceProbability())
                    .append('\n');
        }
        return text.toString();
    }

    private static TimeSlot slot(String id, int dayOfOctober, int startHour, int endHour) {
        LocalDateTime day = LocalDateTime.of(2026, 10, 1, 0, 0).plusDays(dayOfOctober - 1);
        return new TimeSlot(id, day.withHour(startHour), day.withHour(endHour));
    }
}
