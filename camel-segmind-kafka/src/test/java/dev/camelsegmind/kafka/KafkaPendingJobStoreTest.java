package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelsegmind.component.store.MutableClock;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.camelsegmind.kafka.StoreTestSupport.T0;
import static dev.camelsegmind.kafka.StoreTestSupport.requestBound;
import static dev.camelsegmind.kafka.StoreTestSupport.submitting;
import static dev.camelsegmind.kafka.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Kafka store adds to the contract: one writer per partition, fencing, and request-bound entries. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaPendingJobStoreTest {

    private static final String GROUP = "workers";

    private StoreTestSupport kafka;
    private MutableClock clock;

    @BeforeEach
    void setUp(KafkaBrokerProcess broker) {
        kafka = new StoreTestSupport(broker);
        clock = new MutableClock(T0);
    }

    @AfterEach
    void close() {
        kafka.closeAll();
    }

    @Test
    void aNodeThatTookAPartitionOverFencesItsFormerOwner() throws Exception {
        String topic = kafka.compactedTopic(1);
        KafkaPendingJobStore former = kafka.owningAll(topic, clock);
        former.putIfAbsent(submitting("a", clock));

        KafkaPendingJobStore next = kafka.owningAll(topic, clock);

        assertThat(next.find("a")).isPresent();
        // the former owner has not noticed; its next write is refused by the broker, not merely skipped
        assertThatThrownBy(() -> former.putIfAbsent(submitting("b", clock)))
                .isInstanceOf(PartitionLostException.class).hasMessageContaining("another node took the partition");
        assertThat(former.owns(0)).isFalse();
        assertThat(kafka.records(topic)).extracting(r -> r.key()).containsExactly("a");
    }

    @Test
    void aKeyOfAPartitionThisNodeDoesNotOwnIsRefused() throws Exception {
        String topic = kafka.compactedTopic(4);
        KafkaPendingJobStore store = kafka.store(topic, clock);
        String key = "k";
        int p = store.partitionOfKey(key);
        for (int i = 0; i < 4; i++) {
            if (i != p) {
                store.assign(i);
            }
        }

        assertThatThrownBy(() -> store.putIfAbsent(submitting(key, clock)))
                .isInstanceOf(PartitionLostException.class).hasMessageContaining("does not own");
        assertThat(store.find(key)).isEmpty();
        assertThat(kafka.records(topic)).isEmpty();
    }

    @Test
    void aRequestBoundClaimStaysInMemoryUntilTheSubmitThenBecomesDurableWithTheRequestOffset() throws Exception {
        String pending = kafka.compactedTopic(2);
        String requests = kafka.topic(2);
        KafkaPendingJobStore store = kafka.owningAll(pending, clock);
        AtomicLong claimed = new AtomicLong(-1);
        store.setIntake(new RequestIntake() {
            @Override
            public OffsetCommit commitWithClaim(int partition, long offset) {
                return new OffsetCommit(GROUP, requests, partition, offset + 1);
            }

            @Override
            public void claimed(int partition, long offset) {
                claimed.set(offset);
            }
        });
        PendingJob claim = requestBound("wan2.7-image-pro:req-7", "req-7", requests, 1, 41, clock);

        assertThat(store.putIfAbsent(claim)).isEmpty();
        assertThat(store.putIfAbsent(claim)).as("claimed, in memory").contains(claim);
        assertThat(kafka.records(pending)).as("nothing written while the job waits its turn").isEmpty();
        assertThat(kafka.committedOffset(GROUP, requests, 1)).isEqualTo(-1);

        store.submitting(claim);

        assertThat(kafka.records(pending)).singleElement().satisfies(r -> {
            assertThat(r.partition()).as("the request's partition, not the key's").isEqualTo(1);
            assertThat(text(r)).contains("\"SUBMITTING\"").contains("req-7");
        });
        assertThat(kafka.committedOffset(GROUP, requests, 1)).isEqualTo(42);
        assertThat(claimed).hasValue(41);
        store.submitting(claim);
        assertThat(kafka.records(pending)).as("a repeated attempt writes nothing").hasSize(1);
    }

    @Test
    void aRequestTakenInBeforeIsNeverClaimedForASubmitAgain() throws Exception {
        String pending = kafka.compactedTopic(1);
        String requests = kafka.topic(1);
        KafkaPendingJobStore store = kafka.owningAll(pending, clock);
        store.setIntake((partition, offset) -> {
            throw new IllegalStateException("taken in before");
        });
        PendingJob claim = requestBound("m:r", "r", requests, 0, 3, clock);
        store.putIfAbsent(claim);

        assertThatThrownBy(() -> store.submitting(claim)).hasMessageContaining("taken in before");
        assertThat(kafka.records(pending)).isEmpty();
        assertThat(kafka.committedOffset(GROUP, requests, 0)).isEqualTo(-1);
    }

    @Test
    void theOutcomeMessageAndTheTombstoneAreWrittenTogether() throws Exception {
        String pending = kafka.compactedTopic(1);
        String requests = kafka.topic(1);
        String results = kafka.topic(1);
        KafkaPendingJobStore store = kafka.owningAll(pending, clock);
        store.setIntake((partition, offset) -> new OffsetCommit(GROUP, requests, partition, offset + 1));
        PendingJob claim = requestBound("m:r", "r", requests, 0, 0, clock);
        store.putIfAbsent(claim);
        store.submitting(claim);
        store.put(claim.accepted("job-1", null, T0, T0.plusSeconds(3600)));
        // the engine's removal after delivery waits for the outcome
        store.remove("m:r");
        assertThat(store.isTaken(0, "r")).isTrue();
        assertThat(kafka.records(pending)).last().extracting(StoreTestSupport::text).asString().contains("job-1");

        store.finish(0, "r", new ProducerRecord<>(results, "r", "done".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(kafka.records(results)).extracting(StoreTestSupport::text).containsExactly("done");
        assertThat(kafka.records(pending)).last().satisfies(r -> {
            assertThat(r.key()).isEqualTo("m:r");
            assertThat(r.value()).as("tombstone").isNull();
        });
        assertThat(store.isTaken(0, "r")).isFalse();
        assertThat(kafka.owningAll(pending, clock).list()).isEmpty();
    }

    @Test
    void aSubmitThatMayHaveBeenBilledStaysUncertainWithTheMessageThatReportsIt() throws Exception {
        String pending = kafka.compactedTopic(1);
        String requests = kafka.topic(1);
        String dead = kafka.topic(1);
        KafkaPendingJobStore store = kafka.owningAll(pending, clock);
        store.setIntake((partition, offset) -> new OffsetCommit(GROUP, requests, partition, offset + 1));
        PendingJob claim = requestBound("m:r", "r", requests, 0, 0, clock);
        store.putIfAbsent(claim);
        store.submitting(claim);
        // the engine marks it when the submit's answer was a gateway error: kept back until the report goes out
        store.put(claim.uncertain("HTTP 504", T0, T0.plusSeconds(3600)));
        assertThat(kafka.records(pending)).last().extracting(StoreTestSupport::text).asString()
                .contains("SUBMITTING");

        store.finish(0, "r", new ProducerRecord<>(dead, "r", "uncertain".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(kafka.records(dead)).extracting(StoreTestSupport::text).containsExactly("uncertain");
        assertThat(kafka.records(pending)).last().extracting(StoreTestSupport::text).asString()
                .contains("UNCERTAIN").contains("HTTP 504");
        assertThat(store.isTaken(0, "r")).as("never sent again").isTrue();
        assertThat(kafka.owningAll(pending, clock).find("m:r")).get().extracting(PendingJob::state)
                .isEqualTo(PendingJob.State.UNCERTAIN);
    }

    @Test
    void anotherJobKeyForARequestThatHasOneIsRefused() throws Exception {
        String pending = kafka.compactedTopic(1);
        KafkaPendingJobStore store = kafka.owningAll(pending, clock);
        store.putIfAbsent(requestBound("image-model:r", "r", "requests", 0, 0, clock));

        assertThatThrownBy(() -> store.putIfAbsent(requestBound("video-model:r", "r", "requests", 0, 0, clock)))
                .hasMessageContaining("already has the pending job image-model:r");
    }
}
