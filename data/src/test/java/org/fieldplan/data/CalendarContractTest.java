package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.data.importer.SampleRegions;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.problem.BuiltProblem;
import org.fieldplan.data.problem.CalendarChange.SlotsInUseException;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.region.RegionCalendar;
import org.fieldplan.data.testing.SharedData;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region's campaign calendar on every store: set after import, read back as declared, used by the problem builder,
 * and never changed under a stored plan's feet.
 */
abstract class CalendarContractTest {

    /** Central time, 3–11 October 2026: weekends 09–12, 12–15, 15–18, weekday evenings 17–20. */
    static final String CHICAGO = """
            {"timeZone": "America/Chicago", "from": "2026-10-03", "to": "2026-10-11",
             "slots": [{"days": ["SATURDAY", "SUNDAY"], "times": [{"start": "09:00", "end": "12:00", "name": "am"},
                          {"start": "12:00", "end": "15:00", "name": "mid"}, {"start": "15:00", "end": "18:00",
                          "name": "pm"}]},
                       {"days": ["MON", "TUE", "WED", "THU", "FRI"],
                        "times": [{"start": "17:00", "end": "20:00", "name": "eve"}]}]}""";

    protected DataStores stores;
    protected String regionId;

    protected abstract DataStores createStores();

    @BeforeEach
    void setUp() {
        stores = createStores();
        regionId = "calendar-" + UUID.randomUUID();
        stores.regions().save(regionId, TestRegions.small());
    }

    static CampaignCalendar calendar(String json) {
        return CalendarJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRegionSavedWithStatedSlotsHasThemAsItsCalendarWithoutADeclaration() {
        RegionCalendar calendar = stores.regions().calendar(regionId);

        assertThat(calendar.timeZone()).isEqualTo("America/New_York");
        assertThat(calendar.slots()).extracting(TimeSlot::getId).containsExactly("sat1-am", "sat1-pm", "sat2-am");
        assertThat(calendar.declared()).isEmpty();
        assertThat(calendar.firstDay()).contains(LocalDate.of(2026, 10, 3));
        assertThat(calendar.lastDay()).contains(LocalDate.of(2026, 10, 10));
    }

    @Test
    void aCentralTimeCalendarReplacesTimeZoneAndSlotsAndTheProblemBuilderUsesIt() {
        CampaignCalendar chicago = calendar(CHICAGO);

        RegionCalendar stored = stores.calendarChange().apply(regionId, chicago);

        assertThat(stored.timeZone()).isEqualTo("America/Chicago");
        assertThat(stored.declared()).contains(chicago);
        assertThat(described(stored.slots())).isEqualTo(described(chicago.slots()));
        assertThat(stored.slots()).hasSize(2 * 2 * 3 + 5);
        BuiltProblem built = stores.problemBuilder().build(ProblemQuery.of(regionId, LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 4)));
        assertThat(built.problem().timeZone()).isEqualTo("America/Chicago");
        assertThat(built.problem().timeSlots()).extracting(TimeSlot::getId).containsExactly("2026-10-03-am",
                "2026-10-03-mid", "2026-10-03-pm", "2026-10-04-am", "2026-10-04-mid", "2026-10-04-pm");
        assertThat(built.problem().timeSlots().get(0).getStart()).isEqualTo(LocalDateTime.of(2026, 10, 3, 9, 0));
        // Volunteers' stated availability (Saturdays 09–17) is kept and meets the new slots.
        Volunteer ana = built.problem().volunteers().stream().filter(v -> v.getId().equals("V1")).findFirst()
                .orElseThrow();
        assertThat(built.problem().timeSlots().stream().filter(ana::isAvailableFor)).extracting(TimeSlot::getId)
                .containsExactly("2026-10-03-am", "2026-10-03-mid");
        assertThat(stores.regions().list()).filteredOn(r -> r.id().equals(regionId))
                .singleElement().satisfies(r -> assertThat(r.timeSlots()).isEqualTo(17));
    }

    @Test
    void aCalendarMayChangeAgainWhileItKeepsTheSlotsStoredPlansUse() {
        stores.calendarChange().apply(regionId, calendar(CHICAGO));
        stores.plans().save(new NewPlan(ProblemQuery.of(regionId, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10,
                3)), List.of(new Assignment("V1", "2026-10-03-am", "P1", false)), "0hard/0medium/1soft",
                PlanStatus.SOLVED));

        // Same weekend slots, the weekday evenings dropped: the plan's slot keeps its times.
        CampaignCalendar weekendsOnly = calendar(CHICAGO.replace("\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"",
                "\"MON\""));
        assertThat(stores.calendarChange().apply(regionId, weekendsOnly).slots()).hasSize(12 + 1);

        CampaignCalendar moved = calendar(CHICAGO.replace("\"start\": \"09:00\", \"end\": \"12:00\"",
                "\"start\": \"08:00\", \"end\": \"11:00\""));
        CampaignCalendar dropped = calendar(CHICAGO.replace("\"from\": \"2026-10-03\"", "\"from\": \"2026-10-04\""));
        for (CampaignCalendar refused : List.of(moved, dropped)) {
            assertThatThrownBy(() -> stores.calendarChange().apply(regionId, refused))
                    .isInstanceOf(SlotsInUseException.class)
                    .hasMessageContaining("assigns volunteers in 2026-10-03-am");
            RegionCalendar unchanged = stores.regions().calendar(regionId);
            assertThat(unchanged.declared()).contains(weekendsOnly);
            assertThat(described(unchanged.slots())).isEqualTo(described(weekendsOnly.slots()));
        }
    }

    @Test
    void theCalendarOfAnUnknownRegionIsNotFound() {
        assertThatThrownBy(() -> stores.regions().calendar("no-such-" + regionId))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.calendarChange().apply("no-such-" + regionId, calendar(CHICAGO)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.regions().replaceCalendar("no-such-" + regionId, calendar(CHICAGO)))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown region");
    }

    @Test
    void volunteersPlacedFromACensusFileGetAvailabilityOverTheRegionsCalendar() {
        CampaignCalendar election = CampaignCalendar.forElection(LocalDate.of(2026, 11, 3),
                ZoneId.of("America/Chicago"));
        String region = "census-" + UUID.randomUUID();
        FieldPlanProblem small = TestRegions.small();
        stores.regions().save(region, new FieldPlanProblem(small.name(), small.timeZone(), small.voteModel(),
                small.travel(), small.districts(), small.timeSlots(), small.precincts(), List.of(), null, null));
        stores.calendarChange().apply(region, election);

        List<Volunteer> placed = new SampleRegions(stores.regions()).censusVolunteers(
                region, SharedData.file("census/cenpop2020_bg_CT.csv"), 50, 3);

        assertThat(placed).hasSize(50);
        List<TimeSlot> slots = stores.regions().calendar(region).slots();
        assertThat(placed).allSatisfy(v -> assertThat(slots.stream().filter(v::isAvailableFor)).isNotEmpty());
        // Connecticut block groups: homes within the state's bounding box.
        assertThat(placed).allSatisfy(v -> {
            assertThat(v.getHome().getX()).isBetween(-73.8, -71.7);
            assertThat(v.getHome().getY()).isBetween(40.9, 42.1);
        });
        assertThat(stores.regions().load(ProblemQuery.of(region, election.from(), election.to())).volunteers())
                .hasSize(50);
    }

    /** TimeSlot has identity equality: compare what a slot is. */
    static List<String> described(List<TimeSlot> slots) {
        return slots.stream().map(s -> s.getId() + " " + s.getStart() + "–" + s.getEnd()).toList();
    }
}
