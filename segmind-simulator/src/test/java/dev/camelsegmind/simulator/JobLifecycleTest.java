package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SimClient.fastSimulator(SegmindSimulator.builder().timeFactor(0.1));
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void fastModels() {
        sim.reset();
        sim.model("wan2.7-image-pro").queueTime(Duration.ofMillis(100)).renderTime(Duration.ofMillis(300));
        sim.model("wan2.7-i2v").queueTime(Duration.ofMillis(100)).renderTime(Duration.ofMillis(300));
    }

    @Reference(source = "segmind-api.md", quote = "`{\"request_id\": \"...\", \"status\": \"QUEUED\", \"poll_url\": \".../v1/requests/{id}\",")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Submitreturns request_id, status_url, response_url")
    @Test
    void submitAnswersWithRequestIdAndTheThreeUrls() {
        HttpResponse<String> response = client.post("/v2/wan2.7-image-pro", "{\"prompt\":\"a fox\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = SimClient.json(response);
        String id = body.get("request_id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(body.get("status").asText()).isEqualTo("QUEUED");
        assertThat(body.get("poll_url").asText()).isEqualTo(sim.baseUrl() + "/v1/requests/" + id);
        assertThat(body.get("status_url").asText()).isEqualTo(sim.baseUrl() + "/v2/requests/" + id + "/status");
        assertThat(body.get("response_url").asText()).isEqualTo(sim.baseUrl() + "/v2/requests/" + id);
    }

    @Reference(source = "segmind-api.md", quote = "`{\"status\": \"QUEUED\"|\"PROCESSING\"|\"COMPLETED\"|\"FAILED\",")
    @Reference(source = "segmind-api.md", quote = "For image and video models it is usually one media URL string")
    @Test
    void imageJobGoesQueuedProcessingCompletedAndServesARealPng() throws IOException {
        sim.model("wan2.7-image-pro").queueTime(Duration.ofSeconds(3)).renderTime(Duration.ofSeconds(3));
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\",\"size\":\"2K\"}");

        JsonNode early = SimClient.json(client.get("/v2/requests/" + id));
        assertThat(early.get("status").asText()).isEqualTo("QUEUED");
        assertThat(early.has("output")).isFalse();
        List<String> seen = new ArrayList<>(List.of(early.get("status").asText()));
        JsonNode status;
        do {
            status = SimClient.json(client.get("/v2/requests/" + id + "/status"));
            assertThat(status.has("output")).isFalse();
            String state = status.get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            SimClient.pause(20);
        } while (!status.get("status").asText().equals("COMPLETED"));
        assertThat(seen).containsExactly("QUEUED", "PROCESSING", "COMPLETED");

        JsonNode result = SimClient.json(client.get("/v2/requests/" + id));
        assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(result.get("error").isNull()).isTrue();
        JsonNode metrics = result.get("metrics");
        assertThat(metrics.get("queue_time").asDouble()).isEqualTo(3.0);
        assertThat(metrics.get("inference_time").asDouble()).isEqualTo(3.0);
        assertThat(metrics.get("total_time").asDouble()).isEqualTo(6.0);
        assertThat(metrics.get("cost").asDouble()).isEqualTo(0.06);
        assertThat(metrics.get("remaining_credits").asDouble()).isEqualTo(10_000 - 0.06);

        String url = result.get("output").asText();
        assertThat(url).isEqualTo(sim.baseUrl() + "/media/" + id + "-0.png");
        HttpResponse<byte[]> media = client.bytes(url);
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(media.headers().firstValueAsLong("Content-Length")).hasValue(media.body().length);
        byte[] png = media.body();
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as("size 2K").isEqualTo(2048);

        JobView view = sim.job(id).orElseThrow();
        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(view.statusCalls()).isGreaterThanOrEqualTo(3);
        assertThat(view.resultCalls()).isEqualTo(2);
        assertThat(view.payload()).containsEntry("size", "2K");
        assertThat(view.startedAt()).isAfter(view.submittedAt());
        assertThat(view.completedAt()).isAfter(view.startedAt());
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Returns: Video")
    @Test
    void videoJobServesARealMp4() {
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"waves\",\"resolution\":\"720P\",\"duration\":5}");
        client.awaitFinal(id);

        JsonNode result = SimClient.json(client.get("/v2/requests/" + id));
        String url = result.get("output").asText();
        assertThat(url).endsWith(id + "-0.mp4");
        HttpResponse<byte[]> media = client.bytes(url);
        assertThat(media.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(new String(media.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(new Mp4Boxes(media.body()).find("moov/trak/tkhd")).isNotNull();
    }

    @Reference(source = "segmind-api.md", quote = "The media files behind output URLs stay about 7 days and need\n  no key.")
    @Test
    void mediaNeedsNoKey() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");
        client.awaitFinal(id);
        String url = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();

        HttpResponse<String> anonymous = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build());

        assertThat(anonymous.statusCode()).isEqualTo(200);
    }

    @Reference(source = "segmind-api.md", quote = "\"poll_url\": \".../v1/requests/{id}\"")
    @Test
    void v1PollCarriesTheOutputOnceCompleted() {
        sim.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(5));
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");
        JsonNode pending = SimClient.json(client.get("/v1/requests/" + id));
        assertThat(pending.has("output")).as(pending.toString()).isFalse();

        client.awaitFinal(id);
        JsonNode done = SimClient.json(client.get("/v1/requests/" + id));

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("output").asText()).endsWith(".png");
    }

    @Reference(source = "segmind-api.md", quote = "FAILED comes as **HTTP 422** with")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "A FAILED request is served as HTTP 422 — the body still carries the error detail.")
    @Test
    void failingModelReportsFailedAs422WithTheDetail() {
        sim.model("wan2.7-i2v").failWith("GPU exploded");
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"waves\"}");
        client.awaitFinal(id);

        for (String path : new String[] {"/v2/requests/" + id + "/status", "/v2/requests/" + id, "/v1/requests/" + id}) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(422);
            JsonNode body = SimClient.json(response);
            assertThat(body.get("status").asText()).isEqualTo("FAILED");
            assertThat(body.get("error").asText()).isEqualTo("GPU exploded");
            assertThat(body.get("request_id").asText()).isEqualTo(id);
            assertThat(body.has("metrics")).isTrue();
            assertThat(body.has("output")).isFalse();
        }
        assertThat(sim.job(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Content / RAI blocks surface as FAILED, not a separate state.")
    @Test
    void promptMarkersFailOneJobOnly() {
        String failing = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox [sim:fail]\"}");
        String blocked = client.submit("wan2.7-image-pro", "{\"prompt\":\"[sim:block] something\"}");
        String fine = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");

        assertThat(client.awaitFinal(failing).get("error").asText()).isEqualTo("Generation failed");
        assertThat(client.awaitFinal(blocked).get("error").asText()).isEqualTo("Content blocked by safety filter (RAI)");
        assertThat(client.awaitFinal(fine).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Reference(source = "segmind-api.md", quote = "Never fetch the result of a FAILED\n   job.")
    @Test
    void failedJobHasNoMedia() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"[sim:fail]\"}");
        client.awaitFinal(id);

        assertThat(client.get("/media/" + id + "-0.png").statusCode()).isEqualTo(404);
    }

    @Reference(source = "segmind-api.md", quote = "Unknown or expired request id → 404 `{\"error\":\"Request ... not found\"}`.")
    @Test
    void expiredRequestAnswers404ButItsMediaStays() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");
        client.awaitFinal(id);
        String url = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();

        assertThat(sim.expire(id)).isTrue();

        HttpResponse<String> status = client.get("/v2/requests/" + id + "/status");
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(status).get("error").asText()).isEqualTo("Request " + id + " not found");
        assertThat(client.get("/v2/requests/" + id).statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/requests/" + id).statusCode()).isEqualTo(404);
        assertThat(client.bytes(url).statusCode()).isEqualTo(200);
        assertThat(sim.job(id).orElseThrow().expired()).isTrue();
    }

    @Reference(source = "segmind-wan2.7-r2v.txt", quote = "Results are retained for 1 hour, then expire.")
    @Test
    void requestIdExpiresWhenRetentionRunsOut() {
        // ten simulated minutes at time factor 0.001 are 600 ms of real time
        try (SegmindSimulator quick = SegmindSimulator.builder().timeFactor(0.001).retention(Duration.ofMinutes(10))
                .build().start()) {
            SimClient other = new SimClient(quick);
            String id = other.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");
            assertThat(other.awaitFinal(id).get("status").asText()).isEqualTo("COMPLETED");

            SimClient.pause(700);

            assertThat(other.get("/v2/requests/" + id + "/status").statusCode()).isEqualTo(404);
            assertThat(quick.job(id).orElseThrow().expired()).isTrue();
        }
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "An unknown or expired request_id returns HTTP 404.")
    @Test
    void unknownRequestIdIs404() {
        HttpResponse<String> response = client.get("/v2/requests/does-not-exist/status");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(response).get("error").asText()).isEqualTo("Request does-not-exist not found");
    }

    @Test
    void profileChangesOnlyAffectLaterJobs() {
        sim.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(2));
        String first = client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox\"}");
        sim.model("wan2.7-image-pro").failWith("later");

        assertThat(client.awaitFinal(first).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void jobsListsEveryAcceptedJob() {
        sim.model("flux-schnell");
        String a = client.submit("wan2.7-image-pro", "{\"prompt\":\"a\"}");
        String b = client.submit("flux-schnell", "{\"anything\":1}");

        assertThat(sim.jobs()).extracting(JobView::requestId).containsExactlyInAnyOrder(a, b);
        assertThat(sim.job(b).orElseThrow().model()).isEqualTo("flux-schnell");
    }
}
