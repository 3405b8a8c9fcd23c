package dev.camelsegmind.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.MutableClock;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobStore;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.camelsegmind.kafka.StoreTestSupport.T0;
import static dev.camelsegmind.kafka.StoreTestSupport.submitting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PendingJobStore} promises, for the Kafka store owning all its partitions (a single node). Written
 * against the interface; when the project's shared store contract suite lands, this class becomes its subclass for
 * the Kafka store.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaPendingJobStoreContractTest {

    private StoreTestSupport kafka;
    private MutableClock clock;
    private String topic;
    private PendingJobStore store;

    @BeforeEach
    void newStore(KafkaBrokerProcess broker) throws Exception {
        kafka = new StoreTestSupport(broker);
        clock = new MutableClock(T0);
        topic = kafka.compactedTopic(3);
        store = kafka.owningAll(topic, clock);
    }

    @AfterEach
    void close() {
        kafka.closeAll();
    }

    @Test
    void putIfAbsentWritesOnlyWhenTheKeyHasNoEntry() {
        PendingJob first = submitting("wan2.7-image-pro:a", clock);

        assertThat(store.putIfAbsent(first)).isEmpty();
        PendingJob second = submitting("wan2.7-image-pro:a", clock).accepted("r-2", null, T0, T0.plusSeconds(3600));

        assertThat(store.putIfAbsent(second)).contains(first);
        assertThat(store.find("wan2.7-image-pro:a")).contains(first);
    }

    @Test
    void ofManyConcurrentClaimsOfOneKeyExactlyOneWins() throws Exception {
        int claimants = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<PendingJob>>> answers = new ArrayList<>();
        for (int i = 0; i < claimants; i++) {
            PendingJob mine = PendingJob.submitting("k", "segmind", "m", T0, T0.plusSeconds(3600), "node-" + i,
                    java.util.Map.of());
            Callable<Optional<PendingJob>> claim = () -> {
                go.await();
                return store.putIfAbsent(mine);
            };
            answers.add(pool.submit(claim));
        }
        go.countDown();
        int won = 0;
        for (Future<Optional<PendingJob>> a : answers) {
            won += a.get(60, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void putReplacesTheEntry() {
        PendingJob claim = submitting("k", clock);
        store.putIfAbsent(claim);
        PendingJob accepted = claim.accepted("req-1", "loc", T0, T0.plusSeconds(3600));

        store.put(accepted);

        assertThat(store.find("k")).contains(accepted);
    }

    @Test
    void removeIsARealDeleteThatANewReaderSeesToo() {
        store.putIfAbsent(submitting("gone", clock));
        store.putIfAbsent(submitting("kept", clock));

        store.remove("gone");

        assertThat(store.find("gone")).isEmpty();
        assertThat(store.list()).extracting(PendingJob::jobKey).containsExactly("kept");
        assertThat(store.putIfAbsent(submitting("gone", clock))).as("the key is free again").isEmpty();
        store.remove("gone");
        KafkaPendingJobStore reader = kafka.owningAll(topic, clock);
        assertThat(reader.list()).extracting(PendingJob::jobKey).containsExactly("kept");
    }

    @Test
    void entriesOutliveTheStoreInstance() {
        PendingJob accepted = submitting("k", clock).accepted("req-1", "loc", T0, T0.plusSeconds(3600));
        store.putIfAbsent(submitting("k", clock));
        store.put(accepted);

        KafkaPendingJobStore next = kafka.owningAll(topic, clock);

        assertThat(next.find("k")).contains(accepted);
    }

    @Test
    void anExpiredEntryIsNeitherFoundNorListedAndItsKeyMayBeClaimedAgain() {
        store.putIfAbsent(submitting("old", clock));
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(store.find("old")).isEmpty();
        assertThat(store.list()).isEmpty();
        PendingJob fresh = submitting("old", clock);
        assertThat(store.putIfAbsent(fresh)).isEmpty();
        assertThat(store.find("old")).contains(fresh);
    }

    @Test
    void anExpiredEntryIsTombstonedWhenTheNextOwnerReadsThePartition() {
        store.putIfAbsent(submitting("old", clock));
        clock.advance(Duration.ofHours(2));

        KafkaPendingJobStore next = kafka.owningAll(topic, clock);

        assertThat(next.list()).isEmpty();
        assertThat(kafka.records(topic)).filteredOn(r -> r.key().equals("old")).last()
                .extracting(StoreTestSupport::text).isNull();
    }

    @Test
    void listShowsEveryUnexpiredEntry() {
        for (int i = 0; i < 10; i++) {
            store.putIfAbsent(submitting("k" + i, clock));
        }
        clock.advance(Duration.ofMinutes(30));
        store.putIfAbsent(PendingJob.submitting("late", "segmind", "m", clock.instant(),
                clock.instant().plus(Duration.ofHours(1)), "n", java.util.Map.of()));
        clock.advance(Duration.ofMinutes(31));

        assertThat(store.list()).extracting(PendingJob::jobKey).containsExactly("late");
    }

    @Test
    void theStoreSaysItMayBlock() {
        assertThat(store.isBlocking()).isTrue();
    }
}
