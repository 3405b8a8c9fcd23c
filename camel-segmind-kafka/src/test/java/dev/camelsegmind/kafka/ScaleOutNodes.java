package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A cluster's topics, and nodes (Camel contexts in this JVM) that share them, for the consumer's tests. */
final class ScaleOutNodes implements AutoCloseable {

    final ScaleOutTopics topics;
    final String group;
    private final KafkaBrokerProcess broker;
    private final SegmindSimulator simulator;
    private final StoreTestSupport kafka;
    private final List<CamelContext> nodes = new ArrayList<>();
    private final KafkaProducer<String, String> requests;

    ScaleOutNodes(KafkaBrokerProcess broker, SegmindSimulator simulator, int partitions) throws Exception {
        this.broker = broker;
        this.simulator = simulator;
        this.kafka = new StoreTestSupport(broker);
        String id = KafkaBrokerExtension.uniqueName("cluster");
        topics = new ScaleOutTopics(id + ".requests", id + ".pending", id + ".results", id + ".failed");
        group = id + "-workers";
        try (Admin admin = kafka.admin()) {
            topics.create(admin, partitions, (short) 1);
        }
        requests = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    /** A started node named {@code name}, whose route sends each request to {@code segmindUri}. */
    CamelContext start(String name, String segmindUri, int requestsPerMinute) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getShutdownStrategy().setTimeout(20);
        KafkaPendingJobStore store = new KafkaPendingJobStore(broker.bootstrapServers(), topics.pending());
        SegmindComponent segmind = new SegmindComponent();
        segmind.setPendingJobStore(store);
        segmind.getConfiguration().setBaseUrl(simulator.baseUrl());
        segmind.getConfiguration().setApiKey(simulator.defaultApiKey());
        segmind.getConfiguration().setPollInterval(100);
        segmind.getConfiguration().setMaxPollInterval(300);
        context.addComponent("segmind", segmind);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // failures are the dead-letter topic's, and the tests assert them there
                errorHandler(noErrorHandler());
                from("segmind-kafka:" + topics.requests() + "?resultsTopic=" + topics.results() + "&deadLetterTopic="
                        + topics.deadLetters() + "&groupId=" + group + "&sessionTimeout=3000&requestsPerMinute="
                        + requestsPerMinute).routeId("generate")
                        .to(segmindUri);
            }
        });
        context.start();
        nodes.add(context);
        return context;
    }

    void send(String key, String json) throws Exception {
        requests.send(new ProducerRecord<>(topics.requests(), key, json)).get(30, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, byte[]>> results() {
        return kafka.records(topics.results());
    }

    List<ConsumerRecord<String, byte[]>> deadLetters() {
        return kafka.records(topics.deadLetters());
    }

    List<ConsumerRecord<String, byte[]>> pending() {
        return kafka.records(topics.pending());
    }

    long committed(int partition) throws Exception {
        return kafka.committedOffset(group, topics.requests(), partition);
    }

    StoreTestSupport kafka() {
        return kafka;
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    @Override
    public void close() {
        for (CamelContext c : nodes) {
            try {
                c.stop();
            } catch (RuntimeException ignored) {
                // the next test's cluster has its own topics
            }
        }
        requests.close();
        kafka.closeAll();
    }
}
