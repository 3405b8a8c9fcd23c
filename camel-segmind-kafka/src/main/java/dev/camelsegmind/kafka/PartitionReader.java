package dev.camelsegmind.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition from the start to its last stable offset, committed records only: what a partition holds once
 * every transaction of its previous owner is either committed or aborted.
 */
final class PartitionReader {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Function<Map<String, Object>, Map<String, Object>> config;
    private final Duration timeout;

    PartitionReader(Function<Map<String, Object>, Map<String, Object>> config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
    }

    /** The live entries of a pending-topic partition (tombstoned keys left out), and its last write time. */
    Loaded pending(String topic, int partition) {
        Map<String, PendingJob> live = new LinkedHashMap<>();
        long[] lastWrite = { -1 };
        scan(topic, partition, 0, Long.MAX_VALUE, r -> {
            lastWrite[0] = Math.max(lastWrite[0], r.timestamp());
            if (r.value() == null) {
                live.remove(r.key());
                return;
            }
            try {
                live.put(r.key(), PendingJobJson.read(new String(r.value(), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                // left alone: neither resumed nor removed, so an operator can still read it on the topic
                LOG.warn("Skipping an unreadable pending-job entry at offset {} of {}-{}: {}", r.offset(), topic,
                        partition, e.toString());
            }
        });
        return new Loaded(List.copyOf(live.values()), lastWrite[0]);
    }

    /** Hands every committed record of {@code [from, to]} to {@code each}, in order. */
    void scan(String topic, int partition, long from, long to, Consumer<ConsumerRecord<String, byte[]>> each) {
        TopicPartition tp = new TopicPartition(topic, partition);
        Map<String, Object> props = config.apply(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            long last = Math.min(end - 1, to);
            long start = Math.max(from, consumer.beginningOffsets(List.of(tp), timeout).get(tp));
            if (start > last) {
                return;
            }
            consumer.seek(tp, start);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(tp, timeout) <= last) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (r.offset() <= last) {
                        each.accept(r);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new PendingStoreException("Reading " + tp + " up to offset " + last + " took longer than "
                            + timeout, null);
                }
            }
        }
    }

    /** A pending partition as read: its live entries and the timestamp of its last record (-1 if none). */
    record Loaded(List<PendingJob> entries, long lastWriteMillis) {
    }
}
