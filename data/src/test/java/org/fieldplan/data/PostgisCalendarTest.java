package org.fieldplan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.fieldplan.data.plan.NewPlan;
import org.fieldplan.data.plan.PlanStatus;
import org.fieldplan.data.region.ProblemQuery;
import org.fieldplan.data.testing.TestDatabase;
import org.fieldplan.domain.Assignment;
import org.fieldplan.domain.TimeSlot;
import org.junit.jupiter.api.Test;

/**
 * The calendar contract on PostGIS (schema migrated by Flyway, V3_1 adds the declared calendar), plus the schema's
 * own guard: even called directly, the store cannot delete a slot a plan assigns.
 */
class PostgisCalendarTest extends CalendarContractTest {

    private static DataStores stores;

    @Override
    protected synchronized DataStores createStores() {
        if (stores == null) {
            stores = DataStores.postgis(TestDatabase.dataSource());
        }
        return stores;
    }

    @Test
    void theAssignmentForeignKeyKeepsAUsedSlotEvenWhenTheStoreIsCalledDirectly() {
        stores.plans().save(new NewPlan(ProblemQuery.of(regionId, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10,
                3)), List.of(new Assignment("V1", "sat1-am", "P1", false)), "0hard/0medium/1soft", PlanStatus.SOLVED));

        assertThatThrownBy(() -> stores.regions().replaceCalendar(regionId, calendar(CHICAGO)))
                .isInstanceOf(StoreException.class);

        assertThat(stores.regions().calendar(regionId).slots()).extracting(TimeSlot::getId)
                .containsExactly("sat1-am", "sat1-pm", "sat2-am");
        assertThat(stores.regions().calendar(regionId).timeZone()).isEqualTo("America/New_York");
        assertThat(stores.regions().calendar(regionId).declared()).isEmpty();
    }
}
