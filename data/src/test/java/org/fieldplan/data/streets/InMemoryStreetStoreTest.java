package org.fieldplan.data.streets;

class InMemoryStreetStoreTest extends StreetStoreContractTest {

    @Override
    StreetStore newStore(String regionId) {
        return new InMemoryStreetStore();
    }
}
