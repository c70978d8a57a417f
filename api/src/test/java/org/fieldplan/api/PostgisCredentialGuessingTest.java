package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CredentialGuessingTest} with the failures counted in PostGIS. */
class PostgisCredentialGuessingTest extends CredentialGuessingTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry properties) {
        PostgisStoreProperties.register(properties, "guessing");
    }
}
