package org.fieldplan.data.travel.road;

import org.fieldplan.data.DataStores;

class InMemoryStoredRoadTravelTest extends StoredRoadTravelContractTest {

    @Override
    protected DataStores stores() {
        return DataStores.inMemory();
    }
}
