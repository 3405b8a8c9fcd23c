package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each key has its own balance and its own rate window, as each Segmind key belongs to an account. */
class AccountsPerKeyTest {

    static final String ALICE = "SG_alice0000000000";
    static final String BOB = "SG_bob000000000000";

    /** A fresh clock and simulator for each test (an instance field: the extension starts and closes it per test). */
    final SimulatedClock clock = new SimulatedClock();
    @RegisterExtension
    final SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().apiKey(ALICE, BOB).credits(1)
            .rateLimitPerMinute(3).configure(b -> b.clock(clock)).build();

    SegmindSimulator sim;
    SimClient client;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        client = new SimClient(sim);
    }

    @Reference(source = "segmind-api.md", quote = "Credits: `GET /v1/get-user-credits` (free call).")
    @Test
    void aJobIsChargedToTheKeyThatSubmittedIt() {
        submitAs(ALICE, "{\"prompt\":\"a\"}");

        assertThat(sim.credits(ALICE)).isEqualTo(0.94);
        assertThat(sim.credits(BOB)).isEqualTo(1.0);
        assertThat(creditsSeenBy(ALICE)).isEqualTo(0.94);
        assertThat(creditsSeenBy(BOB)).isEqualTo(1.0);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Not enough credits to process request")
    @Reference(source = "segmind-api.md", quote = "insufficient credits / team spend limit")
    @Test
    void anEmptyAccountGets406OnlyForItsOwnKey() {
        sim.setCredits(ALICE, 0.05);

        HttpResponse<String> refused = submitAs(ALICE, "{\"prompt\":\"a\"}");

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(SimClient.json(refused).get("error").asText()).containsIgnoringCase("credit");
        assertThat(submitAs(BOB, "{\"prompt\":\"a\"}").statusCode()).isEqualTo(200);
        assertThat(sim.credits(ALICE)).as("a refused job is not billed").isEqualTo(0.05);
    }

    @Test
    void theResultReportsTheRemainingCreditsOfTheSubmittersAccount() {
        String id = SimClient.json(submitAs(BOB, "{\"prompt\":\"a\"}")).get("request_id").asText();
        clock.advance(Duration.ofMinutes(1));

        JsonNode result = SimClient.json(client.get("/v2/requests/" + id));

        assertThat(result.get("metrics").get("remaining_credits").asDouble()).isEqualTo(0.94);
    }

    @Reference(source = "segmind-api.md", quote = "| 429 | rate limited (plans: 5 or 50 requests/min)")
    @Test
    void oneKeysBurstDoesNotThrottleAnother() {
        for (int i = 0; i < 3; i++) {
            assertThat(creditsCall(ALICE).statusCode()).isEqualTo(200);
            assertThat(statusAs(ALICE).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> limited = statusAs(ALICE);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("x-rate-limit-reset-at-utc")).isPresent();
        assertThat(statusAs(BOB).statusCode()).as("Bob's window is his own").isEqualTo(404);
        clock.advance(Duration.ofMinutes(1));
        assertThat(statusAs(ALICE).statusCode()).as("the window slid on the simulator's clock").isEqualTo(404);
    }

    private HttpResponse<String> submitAs(String key, String body) {
        return client.post("/v2/wan2.7-image-pro", body, b -> b.setHeader("x-api-key", key));
    }

    private HttpResponse<String> statusAs(String key) {
        return client.send(client.request("/v2/requests/00000000-0000-0000-0000-000000000000/status")
                .setHeader("x-api-key", key).GET().build());
    }

    private HttpResponse<String> creditsCall(String key) {
        return client.send(client.request("/v1/get-user-credits").setHeader("x-api-key", key).GET().build());
    }

    private double creditsSeenBy(String key) {
        return SimClient.json(creditsCall(key)).get("credits").asDouble();
    }
}
