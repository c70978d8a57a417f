package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.testing.TestDatabase;

/** The precinct-file contract on PostGIS. */
class PostgisPrecinctFileTest extends PrecinctFileContractTest {

    private static DataStores stores;

    @Override
    protected synchronized DataStores createStores() {
        if (stores == null) {
            stores = DataStores.postgis(TestDatabase.dataSource());
        }
        return stores;
    }
}
