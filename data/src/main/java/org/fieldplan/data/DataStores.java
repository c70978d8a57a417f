package org.fieldplan.data;

import javax.sql.DataSource;

import org.fieldplan.data.plan.InMemoryPlanStore;
import org.fieldplan.data.plan.PlanStore;
import org.fieldplan.data.plan.PostgisPlanStore;
import org.fieldplan.data.postgis.PostgisSchema;
import org.fieldplan.data.problem.CalendarChange;
import org.fieldplan.data.problem.ProblemBuilder;
import org.fieldplan.data.region.InMemoryRegionStore;
import org.fieldplan.data.region.PostgisRegionStore;
import org.fieldplan.data.region.RegionStore;
import org.fieldplan.data.travel.CandidatePairs;
import org.fieldplan.data.travel.InMemoryCandidatePairs;
import org.fieldplan.data.travel.InMemoryTravelMinutesStore;
import org.fieldplan.data.travel.PostgisCandidatePairs;
import org.fieldplan.data.travel.PostgisTravelMinutesStore;
import org.fieldplan.data.travel.TravelMinutesStore;

/** One consistent set of stores: all in memory, or all on one PostGIS database. */
public record DataStores(RegionStore regions, PlanStore plans, CandidatePairs candidatePairs,
        TravelMinutesStore travelMinutes) {

    /** The embedded default: everything in the JVM heap, lost on exit. */
    public static DataStores inMemory() {
        InMemoryRegionStore regions = new InMemoryRegionStore();
        return new DataStores(regions, new InMemoryPlanStore(regions), new InMemoryCandidatePairs(),
                new InMemoryTravelMinutesStore());
    }

    /** Stores on a PostGIS database, migrated to the current schema first. */
    public static DataStores postgis(DataSource dataSource) {
        PostgisSchema.migrate(dataSource);
        return new DataStores(new PostgisRegionStore(dataSource), new PostgisPlanStore(dataSource),
                new PostgisCandidatePairs(dataSource), new PostgisTravelMinutesStore(dataSource));
    }

    public ProblemBuilder problemBuilder() {
        return new ProblemBuilder(regions, plans, travelMinutes);
    }

    /** Sets regions' calendars, checking first that no stored plan loses a slot it uses. */
    public CalendarChange calendarChange() {
        return new CalendarChange(regions, plans);
    }
}
