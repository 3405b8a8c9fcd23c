package dev.camelsegmind.component.store;

import java.time.Clock;

/** The default store keeps the contract within its JVM. */
class MemoryPendingJobStoreContractTest extends ComponentStoreContract {

    @Override
    protected PendingJobStore createStore(Clock clock) {
        return new MemoryPendingJobStore(clock);
    }
}
