package dev.camelsegmind.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One simulator for the class, yet each test starts from a clean one with the class's set-up applied. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmindSimulatorExtensionResetTest {

    @RegisterExtension
    static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder().timeFactor(0.01)
            .onStart(s -> s.model("my-model").renderTime(Duration.ofSeconds(3)))
            .onStart(s -> s.model("wan2.7-i2v").workers(1))
            .build();

    static SegmindSimulator first;

    @Test
    @Order(1)
    void aTestLeavesJobsCreditsAndChangesBehind() throws Exception {
        first = sim.simulator();
        assertThat(submit("my-model")).isEqualTo(200);
        sim.simulator().setCredits(0);
        sim.simulator().model("my-model").renderTime(Duration.ofHours(1));
        sim.simulator().model("other-model");
    }

    @Test
    @Order(2)
    void theNextStartsCleanOnTheSameSimulatorWithTheSetUpAppliedAgain() throws Exception {
        SegmindSimulator now = sim.simulator();
        if (first != null) {
            assertThat(now).isSameAs(first);
        }
        assertThat(now.jobs()).isEmpty();
        assertThat(now.journal().count(Route.SUBMIT)).isZero();
        assertThat(now.credits()).isEqualTo(10_000);
        assertThat(now.model("my-model").renderTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(now.model("wan2.7-i2v").workers()).isEqualTo(1);
        assertThat(submit("other-model")).as("registered by the previous test only").isEqualTo(404);
    }

    @Test
    @Order(3)
    void theRunningSimulatorCanBeAParameter(SegmindSimulator injected) {
        assertThat(injected).isSameAs(sim.simulator());
    }

    private static int submit(String slug) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/" + slug))
                .header("x-api-key", sim.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
