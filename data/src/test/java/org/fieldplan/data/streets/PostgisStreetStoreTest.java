package org.fieldplan.data.streets;

import org.fieldplan.data.TestRegions;
import org.fieldplan.data.testing.TestDatabase;

/** The contract on the test database (migrated by {@link TestDatabase#stores()}). */
class PostgisStreetStoreTest extends StreetStoreContractTest {

    @Override
    StreetStore newStore(String regionId) {
        TestDatabase.stores().regions().save(regionId, TestRegions.small());
        return new PostgisStreetStore(TestDatabase.dataSource());
    }
}
