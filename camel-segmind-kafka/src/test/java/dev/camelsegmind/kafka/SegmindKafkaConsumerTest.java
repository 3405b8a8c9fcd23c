package dev.camelsegmind.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.kafka.testing.KafkaBrokerExtension;
import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.camelsegmind.kafka.ScaleOutNodes.header;
import static dev.camelsegmind.kafka.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nodes in this JVM against a real broker and the simulator: what one request, and one takeover, come to. */
@ExtendWith(KafkaBrokerExtension.class)
class SegmindKafkaConsumerTest {

    private static final String IMAGE = "segmind:wan2.7-image-pro?outputType=url";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SegmindSimulator simulator;
    private ScaleOutNodes cluster;

    @BeforeAll
    static void startSimulator() {
        simulator = SegmindSimulator.builder().build().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        simulator.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(1));
    }

    @AfterEach
    void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyRequestGetsOneResultAndItsOffsetIsCommittedWhileItsJobRenders(KafkaBrokerProcess broker)
            throws Exception {
        simulator.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(2));
        cluster = new ScaleOutNodes(broker, simulator, 2);
        cluster.start("node-a", IMAGE, 0);

        for (int i = 0; i < 10; i++) {
            cluster.send("req-" + i, "{\"prompt\": \"lighthouse " + i + "\", \"size\": \"1K\"}");
        }

        // taken in as soon as each job is pending: no record is held while its job renders
        await().atMost(WAIT).until(() -> cluster.committed(0) + cluster.committed(1) == 10);
        assertThat(cluster.results()).as("no result yet: the jobs render").isEmpty();
        await().atMost(WAIT).until(() -> cluster.results().size() == 10);
        List<ConsumerRecord<String, byte[]>> results = cluster.results();
        assertThat(results).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(10);
        assertThat(results).allSatisfy(r -> {
            assertThat(text(r)).startsWith(simulator.baseUrl());
            assertThat(header(r, SegmindKafkaConstants.WRITTEN_BY)).isEqualTo("node-a");
            assertThat(header(r, "CamelSegmindRequestId")).isNotBlank();
        });
        assertThat(simulator.journal().count(Route.SUBMIT)).isEqualTo(10);
        assertThat(cluster.deadLetters()).isEmpty();
        assertThat(lastValues(cluster.pending()).values()).as("every pending entry tombstoned").containsOnlyNulls();
    }

    @Test
    void aRequestTheRouteRejectsGoesToTheDeadLettersOnceAndTheNextIsTakenIn(KafkaBrokerProcess broker)
            throws Exception {
        cluster = new ScaleOutNodes(broker, simulator, 1);
        cluster.start("node-a", IMAGE, 0);

        cluster.send("bad", "{\"prompt\": \"a lighthouse\", \"size\": \"9K\"}");
        cluster.send("good", "{\"prompt\": \"a lighthouse\", \"size\": \"1K\"}");

        await().atMost(WAIT).until(() -> cluster.results().size() == 1 && cluster.deadLetters().size() == 1);
        assertThat(cluster.results()).extracting(ConsumerRecord::key).containsExactly("good");
        ConsumerRecord<String, byte[]> dead = cluster.deadLetters().get(0);
        assertThat(dead.key()).isEqualTo("bad");
        assertThat(text(dead)).contains("\"error\":\"SegmindValidationException\"").contains("size")
                .contains("\"uncertain\":false");
        assertThat(cluster.committed(0)).isEqualTo(2);
        assertThat(simulator.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aNodeThatLeavesHandsItsAcceptedJobsToAnotherWhichFollowsThemWithoutSubmittingAgain(
            KafkaBrokerProcess broker) throws Exception {
        simulator.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(4));
        cluster = new ScaleOutNodes(broker, simulator, 2);
        CamelContext a = cluster.start("node-a", IMAGE, 0);
        for (int i = 0; i < 6; i++) {
            cluster.send("req-" + i, "{\"prompt\": \"harbour " + i + "\", \"size\": \"1K\"}");
        }
        await().atMost(WAIT).until(() -> simulator.journal().count(Route.SUBMIT) == 6
                && lastValues(cluster.pending()).values().stream().filter(v -> v != null && v.contains("ACCEPTED"))
                        .count() == 6);

        cluster.start("node-b", IMAGE, 0);
        a.stop();

        await().atMost(WAIT).until(() -> cluster.results().size() >= 6);
        List<ConsumerRecord<String, byte[]>> results = cluster.results();
        assertThat(results).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(6);
        assertThat(results).allSatisfy(r -> {
            assertThat(header(r, SegmindKafkaConstants.CLAIMED_BY)).isEqualTo("node-a");
            assertThat(header(r, SegmindKafkaConstants.WRITTEN_BY)).isEqualTo("node-b");
            assertThat(header(r, "CamelSegmindResumed")).isEqualTo("true");
        });
        assertThat(simulator.journal().count(Route.SUBMIT)).isEqualTo(6);
        assertThat(cluster.deadLetters()).isEmpty();
    }

    @Test
    void aJobLeftMidSubmitIsReportedUncertainOnceAndNeverSent(KafkaBrokerProcess broker) throws Exception {
        cluster = new ScaleOutNodes(broker, simulator, 1);
        cluster.send("r1", "{\"prompt\": \"a lighthouse\", \"size\": \"1K\"}");
        // a node took r1 in and was lost while its submit was on the way
        KafkaPendingJobStore lost = cluster.kafka().owningAll(cluster.topics.pending(), Clock.systemUTC());
        lost.setIntake((partition, offset) -> new OffsetCommit(cluster.group, cluster.topics.requests(), partition,
                offset + 1));
        PendingJob claim = StoreTestSupport.requestBound("wan2.7-image-pro:r1", "r1", cluster.topics.requests(), 0, 0,
                Clock.systemUTC());
        lost.putIfAbsent(claim);
        lost.submitting(claim);
        lost.stop();

        cluster.start("node-b", IMAGE, 0);

        await().atMost(WAIT).until(() -> cluster.deadLetters().size() == 1);
        ConsumerRecord<String, byte[]> report = cluster.deadLetters().get(0);
        assertThat(report.key()).isEqualTo("r1");
        assertThat(text(report)).contains("\"error\":\"SubmitUncertain\"").contains("\"uncertain\":true");
        assertThat(lastValues(cluster.pending()).get("wan2.7-image-pro:r1")).contains("UNCERTAIN");
        // the same request again is answered by that report, not by a second submit
        cluster.send("r1", "{\"prompt\": \"a lighthouse\", \"size\": \"1K\"}");
        cluster.send("r2", "{\"prompt\": \"a harbour\", \"size\": \"1K\"}");
        await().atMost(WAIT).until(() -> cluster.results().size() == 1);
        assertThat(cluster.results()).extracting(ConsumerRecord::key).containsExactly("r2");
        assertThat(cluster.deadLetters()).hasSize(1);
        assertThat(simulator.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(cluster.committed(0)).isEqualTo(3);
    }

    /** The last value of each key, null for a tombstone. */
    private static Map<String, String> lastValues(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, String> last = new java.util.HashMap<>();
        records.forEach(r -> last.put(r.key(), text(r)));
        return last;
    }
}
