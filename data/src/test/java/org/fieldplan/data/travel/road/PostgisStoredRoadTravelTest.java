package org.fieldplan.data.travel.road;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.testing.TestDatabase;

/** On the PostGIS database of {@code scripts/with-postgis.sh}; fails rather than skips without one. */
class PostgisStoredRoadTravelTest extends StoredRoadTravelContractTest {

    @Override
    protected DataStores stores() {
        return DataStores.postgis(TestDatabase.dataSource());
    }
}
