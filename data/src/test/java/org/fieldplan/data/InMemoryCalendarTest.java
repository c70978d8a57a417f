package org.fieldplan.data;

/** The calendar contract on the embedded in-memory stores. */
class InMemoryCalendarTest extends CalendarContractTest {

    @Override
    protected DataStores createStores() {
        return DataStores.inMemory();
    }
}
