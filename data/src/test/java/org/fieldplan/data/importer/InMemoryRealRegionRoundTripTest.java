package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;

/** The Rhode Island round trip on the in-memory stores. */
class InMemoryRealRegionRoundTripTest extends RealRegionRoundTripContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
