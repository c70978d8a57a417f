package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fieldplan.data.plan.FieldReport;
import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.plan.PlanStore;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.domain.Assignment;
import org.junit.jupiter.api.Test;

/**
 * Field reports while a repair saves its best plans (found by {@code RestartSequenceProperties}): a report recorded
 * while the plan's assignments are being replaced must neither deadlock with the replacement nor be deleted with the
 * assignment row the replacement deletes and writes again, and its assignment must end pinned.
 */
class PostgisFieldReportRaceTest {

    private static final LocalDate SATURDAY = LocalDate.of(2026, 10, 3);
    private static final List<Assignment> PLAN = List.of(new Assignment("V1", "sat1-am", "P1", false),
            new Assignment("V2", "sat1-am", "P1", false), new Assignment("V4", "sat1-am", "P2", false),
            new Assignment("V1", "sat2-am", "P2", false));

    @Test
    void reportsRecordedDuringReplacementsAreKeptAndPinned() {
        DataStores stores = TestDatabase.stores();
        String regionId = "race-" + UUID.randomUUID();
        stores.regions().save(regionId, TestRegions.small());
        PlanStore plans = stores.plans();
        long id = plans.save(new NewPlan(ProblemQuery.of(regionId, SATURDAY, SATURDAY.plusDays(7)), PLAN, null,
                PlanStatus.DRAFT));
        AtomicBoolean reporting = new AtomicBoolean(true);
        // A repair saving its best plan again and again, every shift unpinned as the solver holds it.
        CompletableFuture<Integer> saves = CompletableFuture.supplyAsync(() -> {
            int count = 0;
            while (reporting.get()) {
                plans.replaceAssignments(id, PLAN, PlanStatus.DRAFT, "0hard/0medium/" + count + "soft");
                count++;
            }
            return count;
        });

        for (int round = 1; round <= 25; round++) {
            for (Assignment shift : PLAN) {
                plans.addFieldReport(new FieldReport(id, shift.volunteerId(), shift.slotId(), round, 0,
                        Instant.parse("2026-10-03T16:00:00Z").plusSeconds(round)));
            }
        }
        reporting.set(false);

        assertThat(saves.join()).as("replacements ran alongside the reports").isPositive();
        assertThat(plans.fieldReports(id)).extracting(FieldReport::doorsKnocked).containsOnly(25).hasSize(4);
        assertThat(plans.load(id).orElseThrow().solverAssignments()).extracting(Assignment::pinned).containsOnly(true);
    }
}
