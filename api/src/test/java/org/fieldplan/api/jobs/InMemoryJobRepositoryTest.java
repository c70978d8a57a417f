package org.fieldplan.api.jobs;

import java.time.Clock;

import org.fieldplan.data.DataStores;

class InMemoryJobRepositoryTest extends JobRepositoryContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }

    @Override
    protected JobRepository createRepository(DataStores stores) {
        return new InMemoryJobRepository(Clock.systemUTC());
    }
}
