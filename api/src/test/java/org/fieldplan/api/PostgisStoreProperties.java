package org.fieldplan.api;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test's service at a fresh PostGIS database ({@link TestDatabases}). */
final class PostgisStoreProperties {

    private PostgisStoreProperties() {
    }

    /** @return the fresh database's JDBC URL */
    static String register(DynamicPropertyRegistry properties, String databasePrefix) {
        String url = TestDatabases.fresh(databasePrefix);
        properties.add("fieldplan.store", () -> "postgis");
        properties.add("fieldplan.datasource.url", () -> url);
        properties.add("fieldplan.datasource.username", TestDatabases::user);
        properties.add("fieldplan.datasource.password", TestDatabases::password);
        return url;
    }
}
