package dev.camelsegmind.examples.scaleout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobJson;
import dev.camelsegmind.kafka.ScaleOutTopics;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One cluster of the kill test: its own topics and group on the shared broker, its node processes, and readers of
 * what it wrote (results, dead letters, pending jobs), read committed as any consumer should.
 */
final class ClusterUnderTest implements AutoCloseable {

    final ScaleOutTopics topics;
    final String group;
    private final KafkaBrokerProcess broker;
    private final Path dir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Admin admin;
    private final Reader results;
    private final Reader deadLetters;

    ClusterUnderTest(String name, KafkaBrokerProcess broker, SegmindSimulator simulator, Path dir, int partitions,
                     int requestsPerMinute, long rateWindowMillis) throws Exception {
        this.broker = broker;
        this.dir = dir;
        topics = new ScaleOutTopics(name + ".requests", name + ".pending", name + ".results", name + ".failed");
        group = name + "-workers";
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        topics.create(admin, partitions, (short) 1);
        settings.put("scaleout.bootstrap-servers", broker.bootstrapServers());
        settings.put("scaleout.requests-topic", topics.requests());
        settings.put("scaleout.pending-topic", topics.pending());
        settings.put("scaleout.results-topic", topics.results());
        settings.put("scaleout.dead-letter-topic", topics.deadLetters());
        settings.put("scaleout.group", group);
        settings.put("scaleout.partitions", String.valueOf(partitions));
        settings.put("scaleout.session-timeout", "3000");
        settings.put("scaleout.requests-per-minute", String.valueOf(requestsPerMinute));
        settings.put("scaleout.media-dir", dir.resolve("shared-media").toString());
        settings.put("scaleout.poll-interval", "1000");
        settings.put("scaleout.max-poll-interval", "1000");
        settings.put("camel.component.segmind.base-url", simulator.baseUrl());
        settings.put("camel.component.segmind.api-key", simulator.defaultApiKey());
        settings.put("it.rate-limit-window-ms", String.valueOf(rateWindowMillis));
        results = new Reader(topics.results());
        deadLetters = new Reader(topics.deadLetters());
    }

    NodeProcess start(String name) throws IOException {
        NodeProcess node = NodeProcess.start(name, dir, settings);
        nodes.add(node);
        return node;
    }

    /** The members of the group and the request partitions each owns. */
    Map<String, Integer> assignment() throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                .get(group);
        Map<String, Integer> owned = new HashMap<>();
        for (MemberDescription m : d.members()) {
            owned.put(m.clientId().replace("-requests", ""), m.assignment().topicPartitions().size());
        }
        return owned;
    }

    void send(int count, String keyPrefix) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "acks", "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topics.requests(), keyPrefix + i,
                        "{\"prompt\": \"frame " + i + ": a lighthouse at dawn\", \"size\": \"1K\"}"));
            }
            producer.flush();
        }
    }

    /** Every result so far, in order, each with its key, value and headers. */
    List<ConsumerRecord<String, String>> results() {
        return results.read();
    }

    List<ConsumerRecord<String, String>> deadLetters() {
        return deadLetters.read();
    }

    /** The pending topic as a new owner would read it: the last entry of each job key, tombstones left out. */
    Map<String, PendingJob> pending() throws IOException {
        Map<String, String> last = new HashMap<>();
        try (Reader r = new Reader(topics.pending())) {
            for (ConsumerRecord<String, String> rec : r.read()) {
                last.put(rec.key(), rec.value());
            }
        }
        Map<String, PendingJob> live = new HashMap<>();
        for (Map.Entry<String, String> e : last.entrySet()) {
            if (e.getValue() != null) {
                live.put(e.getKey(), PendingJobJson.read(e.getValue()));
            }
        }
        return live;
    }

    String logs() {
        StringBuilder all = new StringBuilder();
        for (NodeProcess n : nodes) {
            all.append("---- ").append(n.name).append('\n').append(n.logTail()).append('\n');
        }
        return all.toString();
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        for (NodeProcess n : nodes) {
            n.close();
        }
        results.close();
        deadLetters.close();
        admin.close();
    }

    /** A topic read from the start, committed records only, kept open so each read returns everything so far. */
    private final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        synchronized List<ConsumerRecord<String, String>> read() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            } while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline);
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
