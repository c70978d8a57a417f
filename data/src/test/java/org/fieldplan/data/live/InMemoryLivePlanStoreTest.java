package org.fieldplan.data.live;

class InMemoryLivePlanStoreTest extends LivePlanStoreContractTest {

    @Override
    LivePlanStore newStore() {
        return new InMemoryLivePlanStore();
    }
}
