package dev.camelsegmind.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelsegmind.simulator.SegmindSimulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SegmindSimulatorExtensionTest {

    @RegisterExtension
    static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder()
            .timeFactor(0.01).apiKey("SG_ext").credits(42).build();

    static SegmindSimulator seen;

    @Test
    void simulatorIsRunningWithTheGivenSettings() throws Exception {
        seen = sim.simulator();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/get-user-credits"))
                        .header("x-api-key", sim.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("42");
        assertThat(sim.simulator().timeFactor()).isEqualTo(0.01);
    }

    @Nested
    class InANestedClass {
        @Test
        void theSameSimulatorIsShared() {
            assertThat(sim.simulator().defaultApiKey()).isEqualTo("SG_ext");
            if (seen != null) {
                assertThat(sim.simulator()).isSameAs(seen);
            }
        }
    }

    @AfterAll
    static void stillRunningUntilTheExtensionCloses() {
        assertThat(sim.simulator().baseUrl()).startsWith("http://127.0.0.1:");
    }
}
