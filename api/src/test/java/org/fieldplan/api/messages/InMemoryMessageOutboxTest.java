package org.fieldplan.api.messages;

import java.time.Clock;

class InMemoryMessageOutboxTest extends MessageOutboxContractTest {

    @Override
    protected MessageOutbox createOutbox() {
        return new InMemoryMessageOutbox(Clock.systemUTC());
    }
}
