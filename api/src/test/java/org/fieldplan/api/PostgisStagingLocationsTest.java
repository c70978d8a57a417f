package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link StagingLocationsTest} with regions, jobs and the live plan in PostGIS (a fresh database of
 * {@code FIELDPLAN_DB_URL}): staging locations in their table, problems built from the stored region carrying them,
 * a closure kept in the stored hours.
 */
class PostgisStagingLocationsTest extends StagingLocationsTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "staging");
    }

    /** Not repeated here: the page reads the same JSON from either store. */
    @Override
    void theVolunteerPageShowsWhereTheTeamMeetsAsText() {
    }
}
