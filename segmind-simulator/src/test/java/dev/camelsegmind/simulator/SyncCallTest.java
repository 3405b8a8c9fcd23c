package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncCallTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.01).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.model("flux").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(30));
        sim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(5));
    }

    private HttpResponse<byte[]> sync(String slug, String json) throws Exception {
        return client.http.send(client.request("/v1/" + slug).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Reference(source = "segmind-api.md", quote = "the call blocks until the media is ready.")
    @Reference(source = "segmind-api.md", quote = "Accounting headers on v1: `x-remaining-credits` (documented)")
    @Test
    void rawBytesArriveAfterTheRenderTimeWithAccountingHeaders() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = sync("flux", "{\"prompt\":\"a\",\"seed\":7}");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).as("30 s at factor 0.01").isGreaterThanOrEqualTo(280);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body()))).isNotNull();
        assertThat(response.headers().firstValue("x-cost")).hasValue("0.05");
        assertThat(response.headers().firstValue("x-remaining-credits")).hasValue("9999.95");
        assertThat(response.headers().firstValue("x-generation-time")).hasValue("30.0");
        assertThat(response.headers().firstValue("x-seed-value")).hasValue("7");
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        JobView job = sim.job(id).orElseThrow();
        assertThat(job.sync()).isTrue();
        assertThat(client.get("/v2/requests/" + id + "/status").statusCode())
                .as("sync jobs have no v2 status").isEqualTo(404);
    }

    @Reference(source = "segmind-api.md", quote = "older models return the **raw media bytes** with")
    @Test
    void videoComesAsMp4Bytes() throws Exception {
        HttpResponse<byte[]> response = sync("wan2.7-i2v", "{\"prompt\":\"a\"}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Reference(source = "segmind-api.md", quote = "newer ones return JSON. Branch on\n  `Content-Type`.")
    @Test
    void jsonModelsAnswerWithBase64() throws Exception {
        sim.model("flux").syncResponse(SyncResponse.JSON);

        HttpResponse<byte[]> response = sync("flux", "{\"prompt\":\"a\"}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode body = SimClient.JSON.readTree(response.body());
        byte[] png = Base64.getDecoder().decode(body.get("image").asText());
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
    }

    @Test
    void videoJsonUsesTheVideoKeyAndStreamsPaddedMedia() throws Exception {
        sim.model("wan2.7-i2v").syncResponse(SyncResponse.JSON).mediaSizeBytes(2_000_001);

        HttpResponse<byte[]> response = sync("wan2.7-i2v", "{\"prompt\":\"a\"}");

        JsonNode body = SimClient.JSON.readTree(response.body());
        byte[] mp4 = Base64.getDecoder().decode(body.get("video").asText());
        assertThat(mp4).hasSize(2_000_001);
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Reference(source = "segmind-api.md", quote = "With `\"base64\": true` some models return JSON carrying base64 media")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Output as base64")
    @Test
    void base64TrueInThePayloadAsksForJson() throws Exception {
        HttpResponse<byte[]> response = sync("flux", "{\"prompt\":\"a\",\"base64\":true}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(SimClient.JSON.readTree(response.body()).has("image")).isTrue();
    }

    @Test
    void failureMarkersGive500() throws Exception {
        HttpResponse<byte[]> failed = sync("flux", "{\"prompt\":\"[sim:fail]\"}");
        HttpResponse<byte[]> blocked = sync("flux", "{\"prompt\":\"[sim:block]\"}");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(SimClient.JSON.readTree(failed.body()).get("error").asText()).isEqualTo("Generation failed");
        assertThat(blocked.statusCode()).isEqualTo(500);
        assertThat(SimClient.JSON.readTree(blocked.body()).get("error").asText()).contains("RAI");
    }

    @Test
    void manyOpenSyncCallsHoldNoThreads() throws Exception {
        sim.model("flux").renderTime(Duration.ofSeconds(300)); // 3 s of real time
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>>();
        for (int i = 0; i < 50; i++) {
            futures.add(client.http.sendAsync(client.request("/v1/flux").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        SimClient.await(() -> sim.jobs().size() == 50, "all 50 sync calls to be accepted");

        // Had the 8 request threads been put to sleep by these calls, none could answer before one of them ended.
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(futures).noneMatch(java.util.concurrent.CompletableFuture::isDone);
        for (var f : futures) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        assertThat(sim.journal().count(Route.SYNC)).isEqualTo(50);
    }
}
