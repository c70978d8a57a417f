package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link JobFlowTest}'s flow (submit, poll, plan, explain, daily assignments as JSON, CSV, GeoJSON and iCal, events,
 * 429, terminate) over real HTTP with jobs and plans in PostGIS (a fresh database of {@code FIELDPLAN_DB_URL}).
 */
class PostgisJobFlowTest extends JobFlowTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "job_flow");
    }
}
