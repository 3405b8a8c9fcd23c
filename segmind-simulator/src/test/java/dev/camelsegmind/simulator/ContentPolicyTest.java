package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A configured blocked word ends a job FAILED with a content-policy detail, as Segmind reports safety blocks. */
class ContentPolicyTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.001).blockedWords("forbidden", "gore").build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
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
