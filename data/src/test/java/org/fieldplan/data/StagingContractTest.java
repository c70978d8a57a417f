package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.fieldplan.data.problem.BuiltProblem;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.TakenIdException;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.domain.StagingLocation.OpeningHours;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region's staging locations and its volunteers' deployment offers on every store: saved with the region, added,
 * changed and removed one by one, and part of every problem built from the region.
 */
abstract class StagingContractTest {

    static final LocalDate SATURDAY = LocalDate.of(2026, 10, 3);

    protected DataStores stores;
    protected String regionId;

    protected abstract DataStores createStores();

    static StagingLocation office(String id, int teams) {
        return new StagingLocation(id, "Office " + id, "12 Wickenden St, " + TestRegions.HOSTILE,
                TestRegions.point(-71.40, 41.82),
                List.of(new OpeningHours(SATURDAY, LocalTime.of(8, 30), LocalTime.of(18, 0))), teams);
    }

    @BeforeEach
    void setUp() {
        stores = createStores();
        regionId = "staging-" + UUID.randomUUID();
        FieldPlanProblem small = TestRegions.small();
        List<Volunteer> volunteers = new ArrayList<>(small.volunteers());
        Volunteer v5 = volunteers.remove(4);
        volunteers.add(new Volunteer(v5.getId(), v5.getName(), v5.getHome(), v5.getSkills(), v5.getLanguages(),
                v5.getTravelMode(), v5.getMaxTravelMinutes(), v5.getAvailability(), v5.getMaxShifts(),
                v5.getMaxShiftsPerDay(), v5.getOrganizerId(), v5.getAttendanceProbability(),
                v5.getPreferredPrecinctIds(), List.of(new DeploymentOffer(SATURDAY, 90, 2))));
        FieldPlanProblem withStaging = new FieldPlanProblem(small.name(), small.timeZone(), small.voteModel(),
                small.travel(), small.districts(), small.timeSlots(), small.precincts(), volunteers, small.weights(),
                List.of()).withStagingLocations(List.of(office("S1", 3)));
        stores.regions().save(regionId, withStaging);
    }

    @Test
    void aRegionKeepsItsStagingLocationsAndDeploymentOffersAndProblemsCarryThem() {
        assertThat(stores.regions().stagingLocations(regionId)).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Office S1");
            assertThat(s.address()).endsWith(TestRegions.HOSTILE);
            assertThat(s.point().getX()).isEqualTo(-71.40);
            assertThat(s.hours()).containsExactly(
                    new OpeningHours(SATURDAY, LocalTime.of(8, 30), LocalTime.of(18, 0)));
            assertThat(s.teamsPerSlot()).isEqualTo(3);
        });

        BuiltProblem built = stores.problemBuilder().build(ProblemQuery.of(regionId, SATURDAY, SATURDAY.plusDays(7)));

        assertThat(built.problem().stagingLocations()).extracting(StagingLocation::id).containsExactly("S1");
        assertThat(built.problem().volunteers()).filteredOn(v -> v.getId().equals("V5")).singleElement()
                .satisfies(v -> assertThat(v.getDeploymentOffers())
                        .containsExactly(new DeploymentOffer(SATURDAY, 90, 2)));
        assertThat(built.problem().volunteers()).filteredOn(v -> v.getId().equals("V1")).singleElement()
                .satisfies(v -> assertThat(v.getDeploymentOffers()).isEmpty());
    }

    @Test
    void locationsAreAddedInOrderChangedInPlaceAndRemoved() {
        stores.regions().addStagingLocations(regionId, List.of(office("S2", 1), office("S3", 2)));
        StagingLocation moved = new StagingLocation("S2", "Garage", null, TestRegions.point(-71.41, 41.83), List.of(),
                5);

        assertThat(stores.regions().updateStagingLocation(regionId, moved)).isTrue();
        assertThat(stores.regions().updateStagingLocation(regionId, office("S9", 1))).isFalse();
        assertThat(stores.regions().removeStagingLocation(regionId, "S3")).isTrue();
        assertThat(stores.regions().removeStagingLocation(regionId, "S3")).isFalse();

        List<StagingLocation> stored = stores.regions().stagingLocations(regionId);
        assertThat(stored).extracting(StagingLocation::id).containsExactly("S1", "S2");
        assertThat(stored.get(1).name()).isEqualTo("Garage");
        assertThat(stored.get(1).address()).isNull();
        assertThat(stored.get(1).hours()).isEmpty();
        assertThat(stored.get(1).teamsPerSlot()).isEqualTo(5);
        assertThat(stores.problemBuilder().build(ProblemQuery.of(regionId, SATURDAY, SATURDAY)).problem()
                .stagingLocations()).extracting(StagingLocation::id).containsExactly("S1", "S2");
    }

    @Test
    void aTakenIdOrAnUnknownRegionIsRefusedAndNothingIsAdded() {
        assertThatThrownBy(() -> stores.regions().addStagingLocations(regionId, List.of(office("S4", 1),
                office("S1", 1)))).isInstanceOf(TakenIdException.class);
        assertThatThrownBy(() -> stores.regions().addStagingLocations(regionId, List.of(office("S5", 1),
                office("S5", 2)))).isInstanceOf(TakenIdException.class);
        assertThatThrownBy(() -> stores.regions().addStagingLocations("no-such-region", List.of(office("S4", 1))))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.regions().stagingLocations("no-such-region"))
                .isInstanceOf(NoSuchElementException.class);

        assertThat(stores.regions().stagingLocations(regionId)).extracting(StagingLocation::id).containsExactly("S1");
    }
}
