package org.fieldplan.api.signups;

class InMemorySignUpStoreTest extends SignUpStoreContractTest {

    private final SignUpStore store = new InMemorySignUpStore();

    @Override
    SignUpStore store() {
        return store;
    }
}
