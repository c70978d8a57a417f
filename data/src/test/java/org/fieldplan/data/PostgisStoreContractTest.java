package org.fieldplan.data;

import org.fieldplan.data.testing.TestDatabase;

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
}
