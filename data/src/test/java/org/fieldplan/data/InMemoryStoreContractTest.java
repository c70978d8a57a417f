package org.fieldplan.data;

/** The store contract on the embedded in-memory stores. */
class InMemoryStoreContractTest extends StoreContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
