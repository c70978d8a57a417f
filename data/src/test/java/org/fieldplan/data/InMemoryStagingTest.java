package org.fieldplan.data;

/** The staging contract on the embedded in-memory stores. */
class InMemoryStagingTest extends StagingContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
