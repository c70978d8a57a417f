package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link VolunteerLinkTest} with links, shift statuses and the audit trail in PostGIS. */
class PostgisVolunteerLinkTest extends VolunteerLinkTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "links");
    }
}
