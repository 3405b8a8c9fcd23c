package dev.camelsegmind.component.store;

import java.time.Clock;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The adapter over a Camel StateRepository keeps what a state repository allows: claims are atomic within one
 * adapter, removal reads as absent, but nothing can be listed and two adapters over one repository can both win.
 */
class StateRepositoryPendingJobStoreContractTest extends ComponentStoreContract {

    @Override
    protected PendingJobStore createStore(Clock clock) {
        return new StateRepositoryPendingJobStore(new MemoryStateRepository(), clock);
    }

    @Override
    protected PendingJobStore reopen(PendingJobStore store, Clock clock) {
        return new StateRepositoryPendingJobStore(((StateRepositoryPendingJobStore) store).repository(), clock);
    }

    @Override
    protected boolean canList() {
        return false;
    }

    @Override
    protected boolean claimIsAtomicAcrossInstances() {
        return false;
    }
}
