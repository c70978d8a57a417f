package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;
import org.fieldplan.data.testing.TestDatabase;

/** The precinct-file contract on PostGIS. */
class PostgisPrecinctFileTest extends PrecinctFileContractTest {

    @Override
    protected DataStores createStores() {
        return TestDatabase.stores();
    }
}
