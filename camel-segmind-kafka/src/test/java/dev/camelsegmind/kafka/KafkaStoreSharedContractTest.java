package dev.camelsegmind.kafka;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.camelsegmind.component.store.PendingJobStore;
import dev.camelsegmind.component.store.PendingJobStoreContract;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's one store contract suite, the same the memory, file and StateRepository stores pass, run against the
 * Kafka store owning all its partitions (one node). A second instance over the same topic is a node taking the
 * partitions over: it fences the first, so across instances it is ownership, not the claim, that keeps one writer
 * (KafkaPendingJobStoreTest shows the fencing).
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaStoreSharedContractTest extends PendingJobStoreContract {

    private static KafkaBrokerProcess broker;
    private final Map<PendingJobStore, String> topics = new IdentityHashMap<>();
    private final Map<PendingJobStore, StoreTestSupport> supports = new IdentityHashMap<>();

    @BeforeAll
    static void useBroker(KafkaBrokerProcess running) {
        broker = running;
    }

    @Override
    protected PendingJobStore createStore(Clock clock) throws Exception {
        StoreTestSupport kafka = new StoreTestSupport(broker);
        String topic = kafka.compactedTopic(3);
        PendingJobStore store = kafka.owningAll(topic, clock);
        topics.put(store, topic);
        supports.put(store, kafka);
        return store;
    }

    @Override
    protected PendingJobStore reopen(PendingJobStore store, Clock clock) {
        StoreTestSupport kafka = new StoreTestSupport(broker);
        PendingJobStore again = kafka.owningAll(topics.get(store), clock);
        topics.put(again, topics.get(store));
        supports.put(again, kafka);
        return again;
    }

    @Override
    protected boolean instancesWriteTogether() {
        return false;
    }

    @Override
    protected boolean claimIsAtomicAcrossInstances() {
        return false;
    }

    @Override
    protected void close(PendingJobStore store) {
        StoreTestSupport kafka = supports.remove(store);
        if (kafka != null) {
            kafka.closeAll();
        }
    }
}
