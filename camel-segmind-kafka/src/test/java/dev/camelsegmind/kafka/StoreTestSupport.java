package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Topics, stores and raw reads for the store's tests, on the one broker of the run. */
final class StoreTestSupport {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final KafkaBrokerProcess broker;
    private final List<KafkaPendingJobStore> stores = new ArrayList<>();

    StoreTestSupport(KafkaBrokerProcess broker) {
        this.broker = broker;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    /** A new compacted topic, as ScaleOutTopics makes the pending topic. */
    String compactedTopic(int partitions) throws Exception {
        String topic = KafkaBrokerExtension.uniqueName("pending");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    String topic(int partitions) throws Exception {
        String topic = KafkaBrokerExtension.uniqueName("t");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    KafkaPendingJobStore store(String topic, Clock clock) {
        KafkaPendingJobStore store = new KafkaPendingJobStore(bootstrap(), topic);
        store.setClock(clock);
        store.setOperationTimeout(Duration.ofSeconds(20));
        store.start();
        stores.add(store);
        return store;
    }

    /** A store that owns every partition of the topic, as a single node does. */
    KafkaPendingJobStore owningAll(String topic, Clock clock) {
        KafkaPendingJobStore store = store(topic, clock);
        store.assignAll();
        return store;
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    /** Every committed record of a topic, from the start: what a new reader finds. */
    List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    static String text(ConsumerRecord<String, byte[]> r) {
        return r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    }

    long committedOffset(String group, String topic, int partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, partition));
            return o == null ? -1 : o.offset();
        }
    }

    static PendingJob submitting(String key, Clock clock) {
        Instant now = clock.instant();
        return PendingJob.submitting(key, "segmind", "wan2.7-image-pro", now, now.plus(Duration.ofHours(1)), "node-a",
                Map.of());
    }

    static PendingJob requestBound(String jobKey, String requestKey, String requestTopic, int partition, long offset,
                                   Clock clock) {
        Instant now = clock.instant();
        return PendingJob.submitting(jobKey, "segmind", "wan2.7-image-pro", now, now.plus(Duration.ofHours(1)),
                "node-a", RequestAttributes.of(requestKey, requestTopic, partition, offset));
    }

    void closeAll() {
        stores.forEach(KafkaPendingJobStore::stop);
        stores.clear();
    }
}
