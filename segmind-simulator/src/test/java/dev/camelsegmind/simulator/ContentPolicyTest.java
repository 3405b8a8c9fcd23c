package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A configured blocked word ends a job FAILED with a content-policy detail, as Segmind reports safety blocks. */
class ContentPolicyTest {

    /** One simulator for the class, reset after every test. */
    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().timeFactor(0.001)
            .configure(b -> b.blockedWords("forbidden", "gore")).build();

    SegmindSimulator sim;
    SimClient client;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        client = new SimClient(sim);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "FAILEDErrored (incl. content/RAI blocks)")
    @Reference(source = "segmind-api.md", quote = "Content/safety blocks are FAILED, not a separate state.")
    @Test
    void aPromptWithABlockedWordEndsFailedWithAContentPolicyDetail() {
        String blocked = client.submit("wan2.7-i2v", "{\"prompt\":\"A FORBIDDEN dance, at night\"}");
        String fine = client.submit("wan2.7-i2v", "{\"prompt\":\"an unforbiddenly calm lake\"}");

        JsonNode failed = client.awaitFinal(blocked);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).containsIgnoringCase("content").containsIgnoringCase("safety");
        HttpResponse<String> status = client.get("/v2/requests/" + blocked + "/status");
        assertThat(status.statusCode()).isEqualTo(422);
        assertThat(client.awaitFinal(fine).get("status").asText()).as("whole words only").isEqualTo("COMPLETED");
    }

    @Test
    void aProfileCanHaveItsOwnList() {
        sim.model("wan2.7-image-pro").blockedWords("lighthouse");

        assertThat(client.awaitFinal(client.submit("wan2.7-image-pro", "{\"prompt\":\"a lighthouse\"}"))
                .get("status").asText()).isEqualTo("FAILED");
        assertThat(client.awaitFinal(client.submit("wan2.7-image-pro", "{\"prompt\":\"gore\"}"))
                .get("status").asText()).as("the profile's list replaced the simulator's").isEqualTo("COMPLETED");
        sim.reset();
        assertThat(sim.model("wan2.7-image-pro").blockedWords()).containsExactly("forbidden", "gore");
    }
}
