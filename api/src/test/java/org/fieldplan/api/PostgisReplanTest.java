package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ReplanTest}'s cancellation and field report repairs over real HTTP with jobs, plans and field reports in
 * PostGIS (a fresh database of {@code FIELDPLAN_DB_URL}).
 */
class PostgisReplanTest extends ReplanTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "replan");
    }
}
