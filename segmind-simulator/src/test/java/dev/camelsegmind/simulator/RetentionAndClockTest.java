package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job timeline and retention rules, stepped through on a {@link SimulatedClock} at real-time
 * scale: the simulator answers exactly as Segmind would at each instant, with no waiting.
 */
class RetentionAndClockTest {

    /** A fresh clock and simulator for each test (an instance field: the extension starts and closes it per test). */
    final SimulatedClock clock = new SimulatedClock();
    @RegisterExtension
    final SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().configure(b -> b.clock(clock))
            .build();

    SegmindSimulator sim;
    SimClient client;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        client = new SimClient(sim);
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "QUEUEDAccepted, waiting for a worker")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "PROCESSINGRunning on a worker")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "COMPLETEDDone — result body is ready")
    @Test
    void aJobMovesThroughItsStatesOnTheClockWithThePagesComputeTime() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a lighthouse\"}");

        assertThat(status(id)).isEqualTo("QUEUED");
        clock.advance(Duration.ofMillis(1_100));
        assertThat(status(id)).isEqualTo("PROCESSING");
        clock.advance(Duration.ofSeconds(33));
        assertThat(status(id)).as("33.38 s of compute, as the page says").isEqualTo("PROCESSING");
        clock.advance(Duration.ofMillis(300));
        assertThat(status(id)).isEqualTo("COMPLETED");
        JsonNode result = SimClient.json(client.get("/v2/requests/" + id));
        assertThat(result.get("metrics").get("inference_time").asDouble()).isEqualTo(33.38);
    }

    @Reference(source = "segmind-api.md", quote = "Status and result are\n  kept **1 hour** after submission.")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Results are retained for 1 hour, then expire.")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "An unknown or expired request_id returns HTTP 404.")
    @Test
    void statusAndResultExpireOneHourAfterSubmissionButTheMediaStays() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a lighthouse\"}");
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        JsonNode result = SimClient.json(client.get("/v2/requests/" + id));
        assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
        String media = result.get("output").asText();

        clock.advance(Duration.ofSeconds(1));

        for (String path : new String[] {"/v2/requests/" + id + "/status", "/v2/requests/" + id, "/v1/requests/" + id}) {
            var response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(SimClient.json(response).get("error").asText()).contains(id).contains("not found");
        }
        assertThat(client.bytes(media).statusCode()).as("the file host keeps media about 7 days").isEqualTo(200);
    }

    @Reference(source = "segmind-api.md", quote = "The media files behind output URLs stay about 7 days and need\n  no key.")
    @Test
    void mediaIsGoneAfterAboutSevenDays() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a lighthouse\",\"size\":\"1K\"}");
        clock.advance(Duration.ofMinutes(1));
        String media = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();

        clock.advance(Duration.ofDays(6));
        assertThat(client.bytes(media).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        assertThat(client.bytes(media).statusCode()).isEqualTo(404);
    }

    @Test
    void theClockOnlyMovesForward() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.clock()).isSameAs(clock);
    }

    private String status(String id) {
        return SimClient.json(client.get("/v2/requests/" + id + "/status")).get("status").asText();
    }
}
