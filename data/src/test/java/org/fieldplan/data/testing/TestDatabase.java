package org.fieldplan.data.testing;

import static org.assertj.core.api.Assertions.fail;

import org.fieldplan.data.DataStores;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The test database named by {@code FIELDPLAN_DB_URL} ({@code _USER}, {@code _PASSWORD}), as
 * {@code scripts/with-postgis.sh} provides. Fails rather than skips without one, so a green build means the PostGIS
 * code was tested.
 */
public final class TestDatabase {

    private static DataStores stores;

    private TestDatabase() {
    }

    /** The stores on the test database, migrated once per test JVM and shared by the tests. */
    public static synchronized DataStores stores() {
        if (stores == null) {
            stores = DataStores.postgis(dataSource());
        }
        return stores;
    }

    public static PGSimpleDataSource dataSource() {
        String url = System.getenv("FIELDPLAN_DB_URL");
        if (url == null || url.isBlank()) {
            fail("FIELDPLAN_DB_URL is not set: run the tests through scripts/with-postgis.sh "
                    + "(e.g. bash scripts/with-postgis.sh mvn -B test)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(System.getenv().getOrDefault("FIELDPLAN_DB_USER", "postgres"));
        dataSource.setPassword(System.getenv().getOrDefault("FIELDPLAN_DB_PASSWORD", ""));
        return dataSource;
    }
}
