package org.fieldplan.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.District;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.testing.Fixtures;
import org.fieldplan.domain.TravelParameters;
import org.fieldplan.domain.VoteModelParameters;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The hard rules a recommendation keeps: capacity, the buddy rule and the precinct's languages. */
class ShiftRecommenderRulesTest {

    private static final TimeSlot MORNING = Fixtures.slot("am", 0, 9);

    // All within a few minutes' drive of the volunteers' home (-71.41, 41.82).
    private final Precinct full = Fixtures.precinct("FULL", -71.400, 41.820, 0.6, Set.of(), 2);
    private final Precinct pairNeeded = Fixtures.precinct("ONE", -71.400, 41.830, 0.6, Set.of(), 4);
    private final Precinct empty = Fixtures.precinct("EMPTY", -71.410, 41.830, 0.6, Set.of(), 4);
    private final Precinct spanish = Fixtures.precinct("ES", -71.420, 41.820, 0.6, Set.of("es"), 4);
    private final List<Precinct> precincts = Fixtures.derive(full, pairNeeded, empty, spanish);

    @Test
    void joinsOnlyTeamsWithRoomAndNeverAlone() {
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan(), query(Set.of("en")));

        assertThat(recommendations).extracting(Recommendation::precinctId).containsExactly("ONE");
        assertThat(recommendations.get(0).teamBefore()).isEqualTo(1);
        assertThat(recommendations.get(0).capacity()).isEqualTo(4);
    }

    @Test
    void aSpeakerOfTheMissingLanguageIsSentWhereItIsNeeded() {
        List<Recommendation> recommendations = ShiftRecommender.recommend(plan(), query(Set.of("en", "es")));

        assertThat(recommendations).extracting(Recommendation::precinctId).containsExactlyInAnyOrder("ONE", "ES");
        assertThat(recommendations).filteredOn(r -> r.precinctId().equals("ES")).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("brings es"));
    }

    /** FULL holds two of two, ONE holds one, EMPTY none, ES two English speakers (its Spanish is missing). */
    private FieldPlan plan() {
        List<Volunteer> team = List.of(Fixtures.volunteer("V1").build(), Fixtures.volunteer("V2").build(),
                Fixtures.volunteer("V3").build(), Fixtures.volunteer("V4").build(), Fixtures.volunteer("V5").build());
        List<Shift> shifts = List.of(new Shift(team.get(0), MORNING, full, false),
                new Shift(team.get(1), MORNING, full, false), new Shift(team.get(2), MORNING, pairNeeded, false),
                new Shift(team.get(3), MORNING, spanish, false), new Shift(team.get(4), MORNING, spanish, false));
        return new FieldPlan("rules", "America/New_York", VoteModelParameters.DEFAULTS, TravelParameters.DEFAULTS,
                List.of(new District("HD-1", 0.5)), List.of(MORNING), precincts, team, shifts,
                new FieldPlanWeights());
    }

    private static RecommendationQuery query(Set<String> languages) {
        Volunteer newcomer = new Volunteer("NEW", null, Fixtures.GEOMETRY.createPoint(new Coordinate(-71.41, 41.82)),
                Set.of(Skill.CANVASS), languages, TravelMode.CAR, 30,
                List.of(new AvailabilityWindow(MORNING.getStart(), MORNING.getEnd())), 1, 1, "org-1", 0.9, Set.of());
        return new RecommendationQuery(newcomer, MORNING.getStart(), MORNING.getEnd(), null, null, 10);
    }
}
