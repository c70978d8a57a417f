package org.fieldplan.data;

import org.fieldplan.data.testing.TestDatabase;

/** The staging contract on PostGIS (tables from the V24_20_71 migration). */
class PostgisStagingTest extends StagingContractTest {

    @Override
    protected DataStores createStores() {
        return TestDatabase.stores();
    }
}
