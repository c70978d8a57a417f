package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MovedDriverTest} with jobs, live plans, contacts and the outbox in PostGIS: the move, the riders' repair
 * and their notices go through the stores a cluster shares. Fails, rather than skips, without
 * {@code FIELDPLAN_DB_URL}.
 */
class PostgisMovedDriverTest extends MovedDriverTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "moved_driver");
    }
}
