package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@code /_sim/clock}: the simulated clock moved over HTTP, for tests that run the simulator in another process. */
class ClockAdminTest {

    @Test
    void aSimulatedClockAdvancesOverHttpPastTheHourOfRetention() {
        SegmindSimulator.Builder builder = SegmindSimulator.builder();
        assertThat(SimulatorMain.configure(builder, new String[] {"--port", "0", "--simulated-clock"})).isTrue();
        try (SegmindSimulator sim = builder.build().start()) {
            SimClient client = new SimClient(sim);
            String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a\"}");
            Instant before = Instant.parse(SimClient.json(client.get("/_sim/clock")).get("now").asText());

            HttpResponse<String> moved = client.post("/_sim/clock", "{\"advance_ms\": 3600001}");

            assertThat(moved.statusCode()).isEqualTo(200);
            assertThat(Instant.parse(SimClient.json(moved).get("now").asText())).isEqualTo(before.plusMillis(3_600_001));
            assertThat(client.get("/v2/requests/" + id + "/status").statusCode()).isEqualTo(404);
            assertThat(client.post("/_sim/clock", "{\"advance_ms\": -5}").statusCode()).isEqualTo(400);
            assertThat(client.post("/_sim/clock", "{}").statusCode()).isEqualTo(400);
            assertThat(sim.journal().entries()).as("admin calls are not journaled").hasSize(2);
        }
    }

    @Test
    void theSystemClockCannotBeMoved() {
        try (SegmindSimulator sim = SegmindSimulator.builder().build().start()) {
            SimClient client = new SimClient(sim);

            HttpResponse<String> refused = client.post("/_sim/clock", "{\"advance_ms\": 1000}");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(SimClient.json(refused).get("error").asText()).contains("--simulated-clock");
            assertThat(SimClient.json(client.get("/_sim/clock")).get("simulated").asBoolean()).isFalse();
        }
    }
}
