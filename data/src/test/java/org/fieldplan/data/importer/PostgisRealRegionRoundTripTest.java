package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.testing.TestDatabase;

/** The Rhode Island round trip on PostGIS. */
class PostgisRealRegionRoundTripTest extends RealRegionRoundTripContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.postgis(TestDatabase.dataSource());
    }
}
