package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;

/** The precinct-file contract on the in-memory stores. */
class InMemoryPrecinctFileTest extends PrecinctFileContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
