package org.fieldplan.data.importer;

import org.fieldplan.data.DataStores;

/** The import contract on the in-memory stores. */
class InMemoryImportTest extends ImportContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
