package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.fieldplan.data.TestRegions.HOSTILE;
import static org.fieldplan.data.TestRegions.SAT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.plan.PlanSummary;
import org.fieldplan.data.plan.StoredAssignment;
import org.fieldplan.data.plan.StoredPlan;
import org.fieldplan.data.problem.BuiltProblem;
import org.fieldplan.data.problem.DataIssue;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionSummary;
import org.fieldplan.data.travel.SparseTravelTimeMatrix;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.validation.ProblemValidator;
import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The behaviour every {@link DataStores} implementation must show. Each test works in its own freshly named region,
 * so the suite can run against a shared database without cleaning it.
 */
abstract class StoreContractTest {

    private static final LocalDate FIRST_DAY = SAT.toLocalDate();
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(7);

    private DataStores stores;
    private String regionId;

    /** The stores under test; may be the same database for every test. */
    protected abstract DataStores createStores();

    @BeforeEach
    void setUp() {
        stores = createStores();
        regionId = "test-" + UUID.randomUUID();
    }

    private ProblemQuery everything() {
        return ProblemQuery.of(regionId, FIRST_DAY, LAST_DAY);
    }

    @Test
    void regionRoundTripKeepsEveryAttributeAndExactGeometry() {
        FieldPlanProblem saved = TestRegions.small();
        Map<String, Object> raw = Map.of("REGVOT18", 2345, "GOV18D", 812.5, "HDIST", "HD-1", "NOTE", HOSTILE);
        stores.regions().save(regionId, saved, Map.of("P1", raw));

        assertThat(stores.regions().list()).contains(new RegionSummary(regionId, "Providence test", 6, 5, 3));
        FieldPlanProblem loaded = stores.regions().load(everything());

        assertThat(loaded.name()).isEqualTo(saved.name());
        assertThat(loaded.timeZone()).isEqualTo(saved.timeZone());
        assertThat(loaded.voteModel()).isEqualTo(saved.voteModel());
        assertThat(loaded.travel()).isEqualTo(saved.travel());
        assertThat(loaded.districts()).isEqualTo(saved.districts());
        assertThat(loaded.assignments()).isEmpty();
        assertThat(loaded.timeSlots()).extracting(TimeSlot::getId, TimeSlot::getStart, TimeSlot::getEnd)
                .containsExactlyElementsOf(saved.timeSlots().stream()
                        .map(s -> tuple(s.getId(), s.getStart(), s.getEnd())).toList());
        assertThat(loaded.precincts()).hasSize(saved.precincts().size());
        for (int i = 0; i < saved.precincts().size(); i++) {
            assertSamePrecinct(loaded.precincts().get(i), saved.precincts().get(i));
        }
        assertThat(loaded.volunteers()).hasSize(saved.volunteers().size());
        for (int i = 0; i < saved.volunteers().size(); i++) {
            assertSameVolunteer(loaded.volunteers().get(i), saved.volunteers().get(i));
        }
        assertThat(stores.regions().electionAttributes(regionId, "P1")).contains(raw);
        assertThat(stores.regions().electionAttributes(regionId, "P2")).isEmpty();
    }

    private static void assertSamePrecinct(Precinct loaded, Precinct saved) {
        assertThat(loaded.getId()).isEqualTo(saved.getId());
        assertThat(loaded.getName()).isEqualTo(saved.getName());
        assertThat(loaded.getGeometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(loaded.getGeometry().equalsExact(Geometries.turf(saved))).as(saved.getId()).isTrue();
        assertThat(loaded.getGeometry().getSRID()).isEqualTo(Geometries.WGS84);
        assertThat(loaded.getCentroid().equalsExact(saved.getCentroid())).isTrue();
        assertThat(loaded.getRegisteredVoters()).isEqualTo(saved.getRegisteredVoters());
        assertThat(loaded.getExpectedTurnout()).isEqualTo(saved.getExpectedTurnout());
        assertThat(loaded.getSupportShare()).isEqualTo(saved.getSupportShare());
        assertThat(loaded.getDistrictIds()).isEqualTo(saved.getDistrictIds());
        assertThat(loaded.getStatedPivotality()).isEqualTo(saved.getStatedPivotality());
        assertThat(loaded.getStatedTargetDoors()).isEqualTo(saved.getStatedTargetDoors());
        assertThat(loaded.getRequiredLanguages()).isEqualTo(saved.getRequiredLanguages());
        assertThat(loaded.getRequiredSkills()).isEqualTo(saved.getRequiredSkills());
        assertThat(loaded.getStatedCapacityPerSlot()).isEqualTo(saved.getStatedCapacityPerSlot());
        assertThat(loaded.getStatedDoorsPerHour()).isEqualTo(saved.getStatedDoorsPerHour());
        assertThat(loaded.getDoorsAlreadyKnocked()).isEqualTo(saved.getDoorsAlreadyKnocked());
    }

    private static void assertSameVolunteer(Volunteer loaded, Volunteer saved) {
        assertThat(loaded.getId()).isEqualTo(saved.getId());
        assertThat(loaded.getName()).isEqualTo(saved.getName());
        assertThat(loaded.getHome().equalsExact(saved.getHome())).as(saved.getId()).isTrue();
        assertThat(loaded.getSkills()).isEqualTo(saved.getSkills());
        assertThat(loaded.getLanguages()).isEqualTo(saved.getLanguages());
        assertThat(loaded.getTravelMode()).isEqualTo(saved.getTravelMode());
        assertThat(loaded.getMaxTravelMinutes()).isEqualTo(saved.getMaxTravelMinutes());
        assertThat(loaded.getAvailability()).isEqualTo(saved.getAvailability());
        assertThat(loaded.getMaxShifts()).isEqualTo(saved.getMaxShifts());
        assertThat(loaded.getMaxShiftsPerDay()).isEqualTo(saved.getMaxShiftsPerDay());
        assertThat(loaded.getOrganizerId()).isEqualTo(saved.getOrganizerId());
        assertThat(loaded.getAttendanceProbability()).isEqualTo(saved.getAttendanceProbability());
        assertThat(loaded.getPreferredPrecinctIds()).isEqualTo(saved.getPreferredPrecinctIds());
    }

    @Test
    void loadTakesSlotsOfTheDateRangeAndVolunteersOfTheOrganizer() {
        stores.regions().save(regionId, TestRegions.small());

        FieldPlanProblem firstWeekend = stores.regions().load(ProblemQuery.of(regionId, FIRST_DAY, FIRST_DAY));
        assertThat(firstWeekend.timeSlots()).extracting(TimeSlot::getId).containsExactly("sat1-am", "sat1-pm");
        assertThat(firstWeekend.volunteers()).hasSize(5);
        assertThat(firstWeekend.precincts()).hasSize(6);

        FieldPlanProblem orgB = stores.regions().load(new ProblemQuery(regionId, LAST_DAY, LAST_DAY, "org-b"));
        assertThat(orgB.timeSlots()).extracting(TimeSlot::getId).containsExactly("sat2-am");
        assertThat(orgB.volunteers()).extracting(Volunteer::getId).containsExactly("V3", "V4");
        assertThat(orgB.volunteers().get(1).getAvailability()).isEqualTo(TestRegions.allWeekends());

        assertThat(stores.regions().load(new ProblemQuery(regionId, FIRST_DAY, LAST_DAY, "nobody")).volunteers())
                .isEmpty();
        assertThatThrownBy(() -> stores.regions().load(ProblemQuery.of("no-such-region", FIRST_DAY, LAST_DAY)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void loadedObjectsAreFreshCopies() {
        stores.regions().save(regionId, TestRegions.small());
        FieldPlanProblem first = stores.regions().load(everything());
        ProblemPreparer.prepare(first);

        FieldPlanProblem second = stores.regions().load(everything());
        assertThat(second.precincts().get(0)).isNotSameAs(first.precincts().get(0));
        assertThat(second.precincts().get(0).getIndex()).isEqualTo(-1);
        assertThat(second.volunteers().get(0).getCandidatePrecincts()).isEmpty();
    }

    @Test
    void problemBuilderReportsWhatCannotBePlannedInsteadOfFailing() {
        FieldPlanProblem small = TestRegions.small();
        List<Precinct> precincts = new ArrayList<>(small.precincts());
        precincts.add(TestRegions.precinct("NOGEOM", "No geometry", null));
        List<Volunteer> volunteers = new ArrayList<>(small.volunteers());
        volunteers.add(TestRegions.volunteer("NOAVAIL", "Idle", TestRegions.point(-71.4, 41.8), "org-a", List.of()));
        volunteers.add(TestRegions.volunteer("NOHOME", "Nowhere", null, "org-a", TestRegions.allWeekends()));
        stores.regions().save(regionId, new FieldPlanProblem(small.name(), small.timeZone(), small.voteModel(),
                small.travel(), small.districts(), small.timeSlots(), precincts, volunteers, null, null));

        // V3 is available only on the first Saturday morning, so not in the second weekend.
        BuiltProblem built = stores.problemBuilder().build(ProblemQuery.of(regionId, LAST_DAY, LAST_DAY));

        assertThat(built.issues()).extracting(DataIssue::kind, DataIssue::itemId).containsExactlyInAnyOrder(
                tuple(DataIssue.Kind.PRECINCT_WITHOUT_GEOMETRY, "NOGEOM"),
                tuple(DataIssue.Kind.VOLUNTEER_WITHOUT_AVAILABILITY, "NOAVAIL"),
                tuple(DataIssue.Kind.VOLUNTEER_WITHOUT_HOME, "NOHOME"),
                tuple(DataIssue.Kind.VOLUNTEER_WITHOUT_AVAILABILITY, "V3"));
        assertThat(built.problem().precincts()).extracting(Precinct::getId).doesNotContain("NOGEOM").hasSize(6);
        assertThat(built.problem().volunteers()).extracting(Volunteer::getId)
                .containsExactly("V1", "V2", "V4", "V5");
        FieldPlan prepared = ProblemPreparer.prepare(built.problem(),
                stores.candidatePairs().compute(regionId, built.problem()));
        assertThat(prepared.getShifts()).isNotEmpty();
    }

    @Test
    void planRoundTripKeepsAssignmentsScoreAndStatus() {
        stores.regions().save(regionId, TestRegions.small());
        // V2 rides with V1: the ride is kept with the assignment.
        List<Assignment> assignments = List.of(new Assignment("V2", "sat1-am", "P1", false, "V1"),
                new Assignment("V1", "sat1-am", "P1", true), new Assignment("V4", "sat2-am", "P4", false),
                new Assignment("V1", "sat1-pm", "P2", false));
        ProblemQuery query = new ProblemQuery(regionId, FIRST_DAY, LAST_DAY, "org-a");
        Instant before = Instant.now().minusSeconds(1);

        long id = stores.plans().save(new NewPlan(query, assignments, "0hard/-1medium/123456soft", PlanStatus.SOLVED));

        StoredPlan plan = stores.plans().load(id).orElseThrow();
        assertThat(plan.id()).isEqualTo(id);
        assertThat(plan.problem()).isEqualTo(query);
        assertThat(plan.score()).isEqualTo("0hard/-1medium/123456soft");
        assertThat(plan.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(plan.solverAssignments()).containsExactlyElementsOf(assignments);
        assertThat(plan.assignments()).noneMatch(StoredAssignment::done);
        assertThat(plan.createdAt()).isAfter(before).isEqualTo(plan.updatedAt());
        assertThat(stores.plans().list(regionId)).extracting(PlanSummary::id, PlanSummary::assignments)
                .containsExactly(tuple(id, 4));
        assertThat(stores.plans().load(id + 1_000_000)).isEmpty();

        FieldPlanProblem again = stores.problemBuilder().forPlan(plan).problem();
        assertThat(again.assignments()).containsExactlyElementsOf(assignments);
        assertThat(again.volunteers()).extracting(Volunteer::getId).containsExactly("V1", "V2");

        stores.plans().update(id, PlanStatus.PUBLISHED, "0hard/0medium/1soft");
        StoredPlan updated = stores.plans().load(id).orElseThrow();
        assertThat(updated.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(updated.score()).isEqualTo("0hard/0medium/1soft");
        assertThat(updated.solverAssignments()).containsExactlyElementsOf(assignments);
    }

    @Test
    void aPlanWithAProblemSnapshotNeedsNoStoredRegion() {
        FieldPlanProblem inline = TestRegions.small();
        List<Assignment> assignments = List.of(new Assignment("V1", "sat1-am", "P1", true),
                new Assignment("V2", "sat1-am", "P2", false));
        int snapshotPlansBefore = stores.plans().listSnapshotOnly().size();

        long id = stores.plans().save(NewPlan.ofSnapshot(inline, assignments, "0hard/0medium/5soft", PlanStatus.SOLVED));

        StoredPlan plan = stores.plans().load(id).orElseThrow();
        assertThat(plan.problem()).isNull();
        assertThat(ProblemJson.toJson(plan.snapshot())).isEqualTo(ProblemJson.toJson(inline));
        assertThat(plan.solverAssignments()).containsExactlyElementsOf(assignments);
        assertThat(plan.score()).isEqualTo("0hard/0medium/5soft");
        assertThat(stores.plans().listSnapshotOnly()).extracting(PlanSummary::id).contains(id);
        stores.plans().setPinned(id, "V1", "sat1-am", false);
        StoredPlan unpinned = stores.plans().load(id).orElseThrow();
        assertThat(unpinned.solverAssignments().get(0).pinned()).isFalse();
        assertThat(stores.problemBuilder().forPlan(unpinned).problem().assignments())
                .containsExactlyElementsOf(unpinned.solverAssignments());

        List<Assignment> unknownPrecinct = List.of(new Assignment("V1", "sat1-am", "NOPE", false));
        assertThatThrownBy(() -> stores.plans().save(NewPlan.ofSnapshot(inline, unknownPrecinct, null,
                PlanStatus.DRAFT))).isInstanceOf(StoreException.class);
        assertThat(stores.plans().listSnapshotOnly()).hasSize(snapshotPlansBefore + 1);
    }

    @Test
    void weightsAreKeptWithTheRegion() {
        FieldPlanProblem small = TestRegions.small();
        FieldPlanWeights weights = new FieldPlanWeights();
        weights.setTravelTime(HardMediumSoftLongScore.ofSoft(7));
        weights.setIdleVolunteer(HardMediumSoftLongScore.of(0, 2, 3));
        stores.regions().save(regionId, new FieldPlanProblem(small.name(), small.timeZone(), small.voteModel(),
                small.travel(), small.districts(), small.timeSlots(), small.precincts(), small.volunteers(), weights,
                null));

        assertThat(ProblemJson.weightsToJson(stores.regions().load(everything()).weights()))
                .isEqualTo(ProblemJson.weightsToJson(weights));
        assertThat(stores.problemBuilder().build(everything()).problem().weights().getTravelTime())
                .isEqualTo(HardMediumSoftLongScore.ofSoft(7));
    }

    @Test
    void assignmentsCanBePinnedAndMarkedDone() {
        stores.regions().save(regionId, TestRegions.small());
        long id = stores.plans().save(new NewPlan(everything(), List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V2", "sat1-am", "P1", false)), null, PlanStatus.DRAFT));

        stores.plans().setPinned(id, "V2", "sat1-am", true);
        stores.plans().setDone(id, "V1", "sat1-am", true);

        List<StoredAssignment> assignments = stores.plans().load(id).orElseThrow().assignments();
        assertThat(assignments).containsExactly(
                new StoredAssignment(new Assignment("V1", "sat1-am", "P1", false), true),
                new StoredAssignment(new Assignment("V2", "sat1-am", "P1", true), false));
        assertThatThrownBy(() -> stores.plans().setPinned(id, "V3", "sat1-am", true))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.plans().setDone(id, "V1", "sat2-am", true))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void fieldReportsAreKeptAndCountAgainstRemainingDoors() {
        stores.regions().save(regionId, TestRegions.small());
        long first = stores.plans().save(new NewPlan(everything(), List.of(new Assignment("V1", "sat1-am", "P1", true),
                new Assignment("V2", "sat1-am", "P1", true), new Assignment("V4", "sat1-am", "P2", true)), null,
                PlanStatus.PUBLISHED));
        long second = stores.plans().save(new NewPlan(everything(),
                List.of(new Assignment("V1", "sat2-am", "P1", false)), null, PlanStatus.PUBLISHED));
        Instant at = Instant.parse("2026-10-03T16:05:00.123456789Z");

        stores.plans().addFieldReport(new FieldReport(first, "V1", "sat1-am", 40, 11, at));
        stores.plans().addFieldReport(new FieldReport(first, "V2", "sat1-am", 35, 9, at));
        stores.plans().addFieldReport(new FieldReport(first, "V4", "sat1-am", 20, 4, at));
        stores.plans().addFieldReport(new FieldReport(second, "V1", "sat2-am", 5, 1, at));

        assertThat(stores.plans().fieldReports(first)).containsExactly(
                new FieldReport(first, "V1", "sat1-am", 40, 11, Instant.parse("2026-10-03T16:05:00.123456Z")),
                new FieldReport(first, "V2", "sat1-am", 35, 9, Instant.parse("2026-10-03T16:05:00.123456Z")),
                new FieldReport(first, "V4", "sat1-am", 20, 4, Instant.parse("2026-10-03T16:05:00.123456Z")));
        assertThat(stores.plans().doorsKnockedByPrecinct(regionId)).isEqualTo(Map.of("P1", 80L, "P2", 20L));
        assertThatThrownBy(() -> stores.plans().addFieldReport(new FieldReport(first, "V5", "sat1-am", 1, 1, at)))
                .isInstanceOf(NoSuchElementException.class);

        Map<String, Integer> knocked = new HashMap<>();
        stores.problemBuilder().build(everything()).problem().precincts()
                .forEach(p -> knocked.put(p.getId(), p.getDoorsAlreadyKnocked()));
        assertThat(knocked).containsEntry("P1", 120 + 80).containsEntry("P2", 20).containsEntry("P3", 0);
    }

    @Test
    void aSecondReportForAShiftReplacesTheFirst() {
        stores.regions().save(regionId, TestRegions.small());
        long id = stores.plans().save(new NewPlan(everything(), List.of(new Assignment("V1", "sat1-am", "P1", true)),
                null, PlanStatus.PUBLISHED));
        Instant at = Instant.parse("2026-10-03T16:05:00Z");

        stores.plans().addFieldReport(new FieldReport(id, "V1", "sat1-am", 40, 11, at));
        stores.plans().addFieldReport(new FieldReport(id, "V1", "sat1-am", 25, 6, at.plusSeconds(60)));

        assertThat(stores.plans().fieldReports(id)).containsExactly(
                new FieldReport(id, "V1", "sat1-am", 25, 6, at.plusSeconds(60)));
        assertThat(stores.plans().doorsKnockedByPrecinct(regionId)).isEqualTo(Map.of("P1", 25L));
    }

    @Test
    void aReportPinsItsAssignment() {
        stores.regions().save(regionId, TestRegions.small());
        long id = stores.plans().save(new NewPlan(everything(), List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V2", "sat1-am", "P1", false)), null, PlanStatus.SOLVED));

        stores.plans().addFieldReport(new FieldReport(id, "V1", "sat1-am", 40, 11,
                Instant.parse("2026-10-03T16:05:00Z")));

        assertThat(stores.plans().load(id).orElseThrow().solverAssignments()).containsExactly(
                new Assignment("V1", "sat1-am", "P1", true), new Assignment("V2", "sat1-am", "P1", false));
    }

    @Test
    void reportsAreBoundedSoThatTheStoredRegionStaysSolvable() {
        assertThatThrownBy(() -> new FieldReport(1, "V1", "sat1-am", Integer.MAX_VALUE, 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("doors");
        assertThatThrownBy(() -> new FieldReport(1, "V1", "sat1-am", 10, 11, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        stores.regions().save(regionId, TestRegions.small());
        List<Assignment> everyShiftInP1 = List.of(new Assignment("V1", "sat1-am", "P1", true),
                new Assignment("V2", "sat1-am", "P1", true), new Assignment("V1", "sat2-am", "P1", true));
        long id = stores.plans().save(new NewPlan(everything(), everyShiftInP1, null, PlanStatus.PUBLISHED));
        Instant at = Instant.parse("2026-10-03T16:05:00Z");
        // The most a user can report, on every shift, twice: the region must still build into a valid problem.
        for (int round = 0; round < 2; round++) {
            for (Assignment a : everyShiftInP1) {
                stores.plans().addFieldReport(new FieldReport(id, a.volunteerId(), a.slotId(),
                        FieldReport.MAX_DOORS_PER_REPORT, FieldReport.MAX_DOORS_PER_REPORT, at));
            }
        }

        assertThat(stores.plans().doorsKnockedByPrecinct(regionId))
                .isEqualTo(Map.of("P1", 3L * FieldReport.MAX_DOORS_PER_REPORT));
        FieldPlanProblem built = stores.problemBuilder().build(everything()).problem();
        assertThat(ProblemValidator.validate(built)).isEmpty();
        assertThat(built.precincts()).allSatisfy(p -> assertThat(p.getDoorsAlreadyKnocked()).isNotNegative());
    }

    @Test
    void replacingAssignmentsKeepsTheWorkDoneAndChangesTheRest() {
        stores.regions().save(regionId, TestRegions.small());
        long id = stores.plans().save(new NewPlan(everything(), List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V2", "sat1-am", "P1", false), new Assignment("V4", "sat1-am", "P2", false)), null,
                PlanStatus.DRAFT));
        Instant at = Instant.parse("2026-10-03T16:05:00Z");
        stores.plans().addFieldReport(new FieldReport(id, "V1", "sat1-am", 30, 8, at));
        stores.plans().setDone(id, "V2", "sat1-am", true);

        // The new best moves the reported V1 and omits the done V2: both stay (V1 pinned by its report); V4 moves,
        // V1 gains a shift.
        stores.plans().replaceAssignments(id, List.of(new Assignment("V1", "sat1-am", "P3", false),
                new Assignment("V4", "sat1-am", "P3", true), new Assignment("V1", "sat2-am", "P2", false)),
                PlanStatus.SOLVED, "0hard/0medium/42soft");

        StoredPlan plan = stores.plans().load(id).orElseThrow();
        assertThat(plan.assignments()).containsExactlyInAnyOrder(
                new StoredAssignment(new Assignment("V1", "sat1-am", "P1", true), false),
                new StoredAssignment(new Assignment("V2", "sat1-am", "P1", false), true),
                new StoredAssignment(new Assignment("V4", "sat1-am", "P3", true), false),
                new StoredAssignment(new Assignment("V1", "sat2-am", "P2", false), false));
        assertThat(plan.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(plan.score()).isEqualTo("0hard/0medium/42soft");
        assertThat(stores.plans().fieldReports(id)).hasSize(1);
        assertThat(stores.plans().doorsKnockedByPrecinct(regionId)).isEqualTo(Map.of("P1", 30L));

        assertThatThrownBy(() -> stores.plans().replaceAssignments(id,
                List.of(new Assignment("V4", "sat1-am", "NOPE", false)), PlanStatus.DRAFT, null))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> stores.plans().replaceAssignments(id, List.of(
                new Assignment("V4", "sat1-am", "P1", false), new Assignment("V4", "sat1-am", "P2", false)),
                PlanStatus.DRAFT, null)).isInstanceOf(StoreException.class);
        assertThat(stores.plans().load(id).orElseThrow().assignments()).hasSize(4);
        assertThatThrownBy(() -> stores.plans().replaceAssignments(id + 1_000_000, List.of(), PlanStatus.DRAFT,
                null)).isInstanceOf(NoSuchElementException.class);
    }

    /**
     * A solver saving its best plan while a request pins a reported shift and records the report (what a repair and
     * a field report do at once): every write succeeds, in whatever order the database takes them. Replacing took
     * the plan's row lock before the assignments' and pinning the other way round, which PostgreSQL broke as a
     * deadlock by failing one of the two.
     */
    @Test
    void concurrentWritesToOnePlanAllSucceed() throws Exception {
        stores.regions().save(regionId, TestRegions.small());
        List<Assignment> plan = List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V2", "sat1-am", "P1", false), new Assignment("V4", "sat1-am", "P2", false));
        long id = stores.plans().save(new NewPlan(everything(), plan, null, PlanStatus.DRAFT));
        Instant at = Instant.parse("2026-10-03T16:05:00Z");
        int rounds = 200;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> saving = threads.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    stores.plans().replaceAssignments(id, plan, PlanStatus.DRAFT, null);
                }
                return null;
            });
            Future<?> reporting = threads.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    stores.plans().setPinned(id, "V2", "sat1-am", i % 2 == 0);
                    stores.plans().addFieldReport(new FieldReport(id, "V1", "sat1-am", i % 50, 0, at));
                }
                return null;
            });
            saving.get(2, TimeUnit.MINUTES);
            reporting.get(2, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        assertThat(stores.plans().load(id).orElseThrow().solverAssignments()).hasSize(3)
                .contains(new Assignment("V1", "sat1-am", "P1", true));
        assertThat(stores.plans().fieldReports(id)).singleElement()
                .satisfies(r -> assertThat(r.doorsKnocked()).isEqualTo((rounds - 1) % 50));
    }

    /**
     * Saves fenced by claims: once a later claim raised the fence, a save under an earlier one (an owner that lost the
     * job while stalled) changes nothing; the later claim's saves land, and an unfenced write leaves the fence alone.
     */
    @Test
    void aSaveUnderAClaimBelowThePlansFenceIsRefusedAndChangesNothing() {
        FieldPlanProblem inline = TestRegions.small();
        long id = stores.plans().save(NewPlan.ofSnapshot(inline, List.of(), null, PlanStatus.DRAFT));
        List<Assignment> first = List.of(new Assignment("V1", "sat1-am", "P1", false));
        assertThat(stores.plans().replaceAssignmentsFenced(id, 1, first, PlanStatus.DRAFT, "0hard/0medium/5soft"))
                .isTrue();

        stores.plans().raiseWriteFence(id, 2);
        stores.plans().raiseWriteFence(id, 1);

        assertThat(stores.plans().replaceAssignmentsFenced(id, 1, List.of(), PlanStatus.SOLVED,
                "0hard/0medium/0soft")).isFalse();
        StoredPlan kept = stores.plans().load(id).orElseThrow();
        assertThat(kept.solverAssignments()).isEqualTo(first);
        assertThat(kept.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(kept.score()).isEqualTo("0hard/0medium/5soft");

        List<Assignment> second = List.of(new Assignment("V2", "sat1-am", "P2", false));
        assertThat(stores.plans().replaceAssignmentsFenced(id, 2, second, PlanStatus.SOLVED, "0hard/0medium/7soft"))
                .isTrue();
        stores.plans().replaceAssignments(id, second, PlanStatus.SOLVED, "0hard/0medium/7soft");
        assertThat(stores.plans().replaceAssignmentsFenced(id, 1, first, PlanStatus.DRAFT, null)).isFalse();
        assertThat(stores.plans().load(id).orElseThrow().solverAssignments()).isEqualTo(second);
        assertThatThrownBy(() -> stores.plans().raiseWriteFence(id + 1_000_000, 1))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void replacingTheAssignmentsOfASnapshotPlanChecksThemAgainstTheSnapshot() {
        FieldPlanProblem inline = TestRegions.small();
        long id = stores.plans().save(NewPlan.ofSnapshot(inline, List.of(new Assignment("V1", "sat1-am", "P1", true)),
                null, PlanStatus.DRAFT));

        stores.plans().replaceAssignments(id, List.of(new Assignment("V2", "sat1-am", "P2", false)),
                PlanStatus.SOLVED, "0hard/0medium/7soft");

        StoredPlan plan = stores.plans().load(id).orElseThrow();
        assertThat(plan.solverAssignments()).containsExactly(new Assignment("V2", "sat1-am", "P2", false));
        assertThat(ProblemJson.toJson(plan.snapshot())).isEqualTo(ProblemJson.toJson(inline));
        assertThatThrownBy(() -> stores.plans().replaceAssignments(id,
                List.of(new Assignment("V9", "sat1-am", "P2", false)), PlanStatus.SOLVED, null))
                .isInstanceOf(StoreException.class);
        assertThat(stores.plans().load(id).orElseThrow().solverAssignments())
                .containsExactly(new Assignment("V2", "sat1-am", "P2", false));
    }

    @Test
    void aReplacedSnapshotIsLoadedAndChecksLaterAssignments() {
        FieldPlanProblem inline = TestRegions.small();
        long id = stores.plans().save(NewPlan.ofSnapshot(inline, List.of(), null, PlanStatus.DRAFT));
        Volunteer first = inline.volunteers().get(0);
        Volunteer late = new Volunteer("V9", "Late Volunteer", first.getHome(), first.getSkills(),
                first.getLanguages(), first.getTravelMode(), first.getMaxTravelMinutes(), first.getAvailability(),
                first.getMaxShifts(), first.getMaxShiftsPerDay(), first.getOrganizerId(),
                first.getAttendanceProbability(), first.getPreferredPrecinctIds());

        stores.plans().replaceSnapshot(id, inline.withVolunteer(late));
        stores.plans().replaceAssignments(id, List.of(new Assignment("V9", "sat1-am", "P2", false)),
                PlanStatus.SOLVED, "0hard/0medium/3soft");

        StoredPlan plan = stores.plans().load(id).orElseThrow();
        assertThat(plan.snapshot().volunteers()).extracting(Volunteer::getId).endsWith("V9")
                .hasSize(inline.volunteers().size() + 1);
        assertThat(plan.solverAssignments()).containsExactly(new Assignment("V9", "sat1-am", "P2", false));
        assertThatThrownBy(() -> stores.plans().replaceSnapshot(id + 1_000_000, inline))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void hostileNamesAreStoredAsText() {
        stores.regions().save(regionId, TestRegions.small());

        FieldPlanProblem loaded = stores.regions().load(everything());
        assertThat(loaded.precincts()).extracting(Precinct::getName).contains(HOSTILE);
        assertThat(loaded.volunteers()).extracting(Volunteer::getName).contains(HOSTILE);
        // The table is still there: another region saves and loads.
        String other = regionId + "-2";
        stores.regions().save(other, TestRegions.small());
        assertThat(stores.regions().load(ProblemQuery.of(other, FIRST_DAY, LAST_DAY)).precincts()).hasSize(6);
        // Ids are data too.
        String hostileRegion = regionId + HOSTILE;
        stores.regions().save(hostileRegion, TestRegions.small());
        assertThat(stores.regions().list()).extracting(RegionSummary::id).contains(hostileRegion);
    }

    @Test
    void aFailingImportLeavesNothingBehind() {
        FieldPlanProblem small = TestRegions.small();
        List<Volunteer> volunteers = new ArrayList<>(small.volunteers());
        volunteers.add(TestRegions.volunteer("V1", "Duplicate", TestRegions.point(-71.4, 41.8), null,
                TestRegions.allWeekends()));
        FieldPlanProblem broken = new FieldPlanProblem(small.name(), small.timeZone(), null, null, small.districts(),
                small.timeSlots(), small.precincts(), volunteers, null, null);

        assertThatThrownBy(() -> stores.regions().save(regionId, broken)).isInstanceOf(StoreException.class)
                .hasMessageContaining("V1").hasMessageNotContaining("Duplicate").hasMessageNotContaining("INSERT");

        assertThat(stores.regions().list()).extracting(RegionSummary::id).doesNotContain(regionId);
        assertThatThrownBy(() -> stores.regions().load(everything())).isInstanceOf(NoSuchElementException.class);
        stores.regions().save(regionId, small);
        assertThat(stores.regions().load(everything()).volunteers()).hasSize(5);
        assertThatThrownBy(() -> stores.regions().save(regionId, small)).isInstanceOf(StoreException.class);
    }

    @Test
    void aPrecinctThatIsNotPolygonalIsRejected() {
        FieldPlanProblem small = TestRegions.small();
        List<Precinct> precincts = new ArrayList<>(small.precincts());
        precincts.add(TestRegions.precinct("POINT", "A point", TestRegions.point(-71.4, 41.8)));
        assertThatThrownBy(() -> stores.regions().save(regionId, new FieldPlanProblem(small.name(), null, null, null,
                null, small.timeSlots(), precincts, small.volunteers(), null, null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("POINT");
        assertThat(stores.regions().list()).extracting(RegionSummary::id).doesNotContain(regionId);
    }

    @Test
    void aSlotEndingBeforeItStartsIsRejected() {
        FieldPlanProblem small = TestRegions.small();
        List<TimeSlot> slots = new ArrayList<>(small.timeSlots());
        slots.add(new TimeSlot("backwards", SAT.plusHours(3), SAT));
        assertThatThrownBy(() -> stores.regions().save(regionId, new FieldPlanProblem(small.name(), null, null, null,
                null, slots, small.precincts(), small.volunteers(), null, null))).isInstanceOf(StoreException.class);
        assertThat(stores.regions().list()).extracting(RegionSummary::id).doesNotContain(regionId);
    }

    @Test
    void aPlanWithAnUnknownReferenceIsRejectedWhole() {
        stores.regions().save(regionId, TestRegions.small());
        List<Assignment> badPrecinct = List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V2", "sat1-am", "NOPE", false));
        List<Assignment> twiceInOneSlot = List.of(new Assignment("V1", "sat1-am", "P1", false),
                new Assignment("V1", "sat1-am", "P2", false));

        assertThatThrownBy(() -> stores.plans().save(new NewPlan(everything(), badPrecinct, null, PlanStatus.DRAFT)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> stores.plans().save(new NewPlan(everything(), twiceInOneSlot, null,
                PlanStatus.DRAFT))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> stores.plans().save(new NewPlan(ProblemQuery.of("no-such-region", FIRST_DAY,
                LAST_DAY), List.of(), null, PlanStatus.DRAFT))).isInstanceOf(StoreException.class);
        assertThat(stores.plans().list(regionId)).isEmpty();
    }

    @Test
    void candidatePairsAreTheGreatCircleOnesWithinEachVolunteersLimit() {
        stores.regions().save(regionId, TestRegions.random(400, 150, 42));
        FieldPlanProblem problem = stores.regions().load(everything());

        SparseTravelTimeMatrix pairs = stores.candidatePairs().compute(regionId, problem);

        GreatCircleTravelTimeMatrix reference = new GreatCircleTravelTimeMatrix(problem.precincts(), problem.travel());
        long expectedPairs = 0;
        for (Volunteer volunteer : problem.volunteers()) {
            List<PrecinctTravel> expected = reference.within(volunteer, volunteer.getMaxTravelMinutes());
            expectedPairs += expected.size();
            assertThat(pairs.within(volunteer, volunteer.getMaxTravelMinutes()))
                    .as(volunteer.getId())
                    .extracting(p -> p.precinct().getId(), PrecinctTravel::minutes)
                    .containsExactlyInAnyOrderElementsOf(expected.stream()
                            .map(p -> tuple(p.precinct().getId(), p.minutes()))
                            .toList());
        }
        assertThat(expectedPairs).isGreaterThan(1_000);
        assertThat(pairs.pairCount()).isEqualTo(expectedPairs);
        Volunteer someone = problem.volunteers().get(0);
        Precinct reached = pairs.pairs(someone.getId()).get(0).precinct();
        assertThat(pairs.minutes(someone, reached)).isEqualTo(reference.minutes(someone, reached));
    }

    @Test
    void preparingWithCandidatePairsGivesTheSameCandidatesAsTheDefaultMatrix() {
        stores.regions().save(regionId, TestRegions.random(300, 100, 11));
        FieldPlanProblem withPairs = stores.regions().load(everything());
        FieldPlanProblem withDefault = stores.regions().load(everything());

        ProblemPreparer.prepare(withPairs, stores.candidatePairs().compute(regionId, withPairs));
        ProblemPreparer.prepare(withDefault);

        for (int i = 0; i < withPairs.volunteers().size(); i++) {
            assertThat(withPairs.volunteers().get(i).getCandidatePrecincts()).extracting(Precinct::getId)
                    .containsExactlyElementsOf(withDefault.volunteers().get(i).getCandidatePrecincts().stream()
                            .map(Precinct::getId).toList());
        }
    }

    @Test
    void candidatePairsCoverOnlyTheProblemsVolunteers() {
        stores.regions().save(regionId, TestRegions.small());
        FieldPlanProblem orgA = stores.regions().load(new ProblemQuery(regionId, FIRST_DAY, LAST_DAY, "org-a"));

        SparseTravelTimeMatrix pairs = stores.candidatePairs().compute(regionId, orgA);

        Set<String> withPairs = new HashSet<>();
        for (Volunteer v : orgA.volunteers()) {
            if (!pairs.pairs(v.getId()).isEmpty()) {
                withPairs.add(v.getId());
            }
        }
        assertThat(withPairs).containsExactlyInAnyOrder("V1", "V2");
        assertThat(pairs.pairs("V4")).isEmpty();
        assertThat(pairs.pairs("V1")).extracting(p -> p.precinct().getId()).doesNotContain("P6");
    }

    @Test
    void availabilityWindowsAreKeptInOrder() {
        stores.regions().save(regionId, TestRegions.small());
        List<AvailabilityWindow> windows = stores.regions().load(everything()).volunteers().get(0).getAvailability();
        assertThat(windows).isEqualTo(TestRegions.allWeekends());
    }
}
