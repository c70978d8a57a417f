package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;

/** Must show 3 on the in-memory stores. */
class InMemoryRealRegionRoundTripTest extends RealRegionRoundTripContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
