package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LearnedAttendanceTest} with shift statuses (the history) in PostGIS. */
class PostgisLearnedAttendanceTest extends LearnedAttendanceTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "attendance");
    }
}
