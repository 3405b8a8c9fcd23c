package dev.camelsegmind.examples.queuepipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the pipeline with its embedded broker (store in a temporary folder) against a simulator that renders a
 * thousand times faster than Segmind, and sends and receives through the queues as another application would.
 */
class QueuePipelineTest {

    private static final String KEY = "SG_0123456789abcdef";
    private static final double TIME_FACTOR = 0.001;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SegmindSimulator sim;

    @TempDir
    Path data;
    private EmbeddedBroker broker;
    private Main app;
    private QueueClient client;

    @BeforeAll
    static void startSimulator() {
        // Segmind keeps a job one hour, 3.6 s at this time factor: too short to outlive a restart of the pipeline
        sim = SegmindSimulator.builder().timeFactor(TIME_FACTOR).apiKey(KEY).retention(Duration.ofDays(1)).build()
                .start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void freshSimulator() {
        sim.reset();
    }

    @AfterEach
    void stopPipeline() throws Exception {
        stop();
    }

    @Test
    void jobsSubmittedBeforeARestartAreCollectedAfterItWithoutSubmittingAgain() throws Exception {
        // four seconds of real time per video: the pipeline stops while all five still render
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(4000));
        start();
        for (int i = 0; i < 5; i++) {
            client.send("segmind.requests", request("clip " + i), "order-" + i);
        }
        // every job accepted, and every pending id read at least once and put back for later
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().count(Route.SUBMIT) == 5
                && sim.jobs().stream().allMatch(j -> j.statusCalls() > 0));
        assertThat(sim.jobs()).noneMatch(j -> j.completedAt() != null);
        stop();

        start();
        Set<String> collected = new HashSet<>();
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Message result = client.receive("segmind.results", 15_000);
            assertThat(result).as("result %d of 5", i + 1).isNotNull();
            assertMp4(QueueClient.bytes(result));
            assertThat(result.getStringProperty(PipelineHeaders.CONTENT_TYPE)).isEqualTo("video/mp4");
            assertThat(result.getStringProperty(PipelineHeaders.FILE_NAME)).endsWith(".mp4");
            collected.add(result.getStringProperty(PipelineHeaders.REQUEST_ID));
            orders.add(result.getJMSCorrelationID());
        }
        assertThat(collected).containsExactlyInAnyOrderElementsOf(sim.jobs().stream().map(JobView::requestId).toList());
        assertThat(orders).containsExactlyInAnyOrder("order-0", "order-1", "order-2", "order-3", "order-4");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(5);
        assertThat(sim.jobs()).allMatch(j -> j.resultCalls() == 1);
    }

    @Test
    void failuresGoToTheFailedQueueWithWhatIsNeededToActOnThem() throws Exception {
        start();
        client.send("segmind.requests", request("[sim:fail] a storm"), "order-failed");
        client.send("segmind.requests",
                "{\"prompt\": \"a storm\", \"image\": \"https://example.com/lake.png\", \"resolution\": \"4K\"}", null);
        client.send("segmind.requests", "not json", null);

        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Message failure = client.receive("segmind.failed", 10_000);
            assertThat(failure).as("failure %d of 3", i + 1).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> report = JSON.readValue(((TextMessage) failure).getText(), Map.class);
            byKind.put(report.containsKey("requestId") ? "job" : String.valueOf(report.get("option")), report);
            if (report.containsKey("requestId")) {
                assertThat(failure.getJMSCorrelationID()).isEqualTo("order-failed");
                assertThat(failure.getStringProperty(PipelineHeaders.REQUEST_ID)).isEqualTo(report.get("requestId"));
            }
        }

        assertThat(byKind.get("job")).containsEntry("detail", "Generation failed").containsEntry("model", "wan2.7-i2v");
        assertThat(byKind.get("resolution")).containsKey("request");
        assertThat((String) byKind.get("resolution").get("error")).contains("720P");
        assertThat(byKind.get("body")).containsEntry("request", "not json");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void anIdPendingTwiceIsDeliveredOnce() throws Exception {
        start();
        client.send("segmind.requests", request("a lake"), null);
        Message result = client.receive("segmind.results", 10_000);
        assertThat(result).isNotNull();
        String id = result.getStringProperty(PipelineHeaders.REQUEST_ID);

        // as after a crash between putting an id back and committing: the same id once more
        NotifyBuilder collected = new NotifyBuilder(app.getCamelContext()).fromRoute("collect").whenDone(1).create();
        client.send("segmind.pending", id, null);
        assertThat(collected.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(client.receive("segmind.results", 200)).isNull();
        assertThat(sim.job(id).orElseThrow().resultCalls()).isEqualTo(1);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    private void start() throws Exception {
        broker = EmbeddedBroker.start(data, null);
        app = QueuePipelineApplication.newMain(new PipelineSettings(data, null, null), broker.url(), 0);
        QueuePipelineApplication.useSimulator(app, sim.baseUrl(), KEY, TIME_FACTOR);
        app.start();
        client = new QueueClient(broker.url());
    }

    private void stop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (app != null) {
            app.stop();
            app = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static String request(String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"image\": \"https://example.com/lake.png\", \"resolution\": \"720P\","
                + " \"duration\": 5}";
    }

    private static void assertMp4(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(12);
        assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }
}
