package org.fieldplan.data;

import static org.assertj.core.api.Assertions.fail;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store contract on a real PostGIS database named by {@code FIELDPLAN_DB_URL} ({@code _USER}, {@code _PASSWORD}),
 * as {@code scripts/with-postgis.sh} provides. Fails rather than skips without one, so a green build means the
 * PostGIS stores were tested.
 */
class PostgisStoreContractTest extends StoreContractTest {

    private static DataStores stores;

    @Override
    protected synchronized DataStores createStores() {
        if (stores == null) {
            stores = DataStores.postgis(TestDatabase.dataSource());
        }
        return stores;
    }

    /** Where the test database is. */
    static final class TestDatabase {

        private TestDatabase() {
        }

        static PGSimpleDataSource dataSource() {
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
}
