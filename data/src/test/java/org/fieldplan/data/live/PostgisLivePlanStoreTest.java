package org.fieldplan.data.live;

import org.fieldplan.data.testing.TestDatabase;

/** The contract on the test database (migrated by {@link TestDatabase#stores()}); each test uses its own region. */
class PostgisLivePlanStoreTest extends LivePlanStoreContractTest {

    @Override
    LivePlanStore newStore() {
        TestDatabase.stores();
        return new PostgisLivePlanStore(TestDatabase.dataSource());
    }
}
