package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Reference(source = "segmind-api.md", quote = "Header `x-rate-limit-reset-at-utc` may say when the window resets")
    @Reference(source = "segmind-api.md", quote = "`Retry-After` is not documented")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Too many requests")
    @Test
    void pastTheLimitKeyedRequestsGet429WithTheResetHeader() {
        // one simulated minute at factor 0.05 is 3 s of real time: room for a slow machine
        try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.05).rateLimitPerMinute(5).build().start()) {
            sim.model("flux");
            SimClient client = new SimClient(sim);
            client.get("/v1/get-user-credits"); // warms client and server up without using the quota
            String id = client.submit("flux", "{}");
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/v2/requests/" + id + "/status").statusCode()).isEqualTo(200);
            }

            HttpResponse<String> limited = client.post("/v2/flux", "{}");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(SimClient.json(limited).get("error").asText()).isEqualTo("Rate limit exceeded");
            Instant reset = Instant.parse(limited.headers().firstValue("x-rate-limit-reset-at-utc").orElseThrow());
            assertThat(reset).isBetween(Instant.now(), Instant.now().plusSeconds(3));
            assertThat(limited.headers().firstValue("Retry-After")).as("Segmind documents none").isEmpty();
            assertThat(client.get("/v2/requests/" + id + "/status").statusCode()).as("polls count too").isEqualTo(429);
            assertThat(sim.jobs()).hasSize(1);
        }
    }

    @Reference(source = "segmind-api.md", quote = "Credits: `GET /v1/get-user-credits` (free call).")
    @Test
    void creditsMediaAndAssetsAreNotCounted() {
        try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.001).rateLimitPerMinute(2).build().start()) {
            sim.model("flux");
            SimClient client = new SimClient(sim);
            String id = client.submit("flux", "{}");
            SimClient.await(() -> sim.job(id).orElseThrow().state() == JobState.COMPLETED, "the job to complete");
            String url = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();

            for (int i = 0; i < 10; i++) {
                assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
                assertThat(client.bytes(url).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void unauthenticatedRequestsDoNotUseUpTheQuota() {
        try (SegmindSimulator sim = SegmindSimulator.builder().rateLimitPerMinute(1).build().start()) {
            sim.model("flux");
            SimClient client = new SimClient(sim);
            HttpRequest anonymous = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/requests/x/status")).build();
            for (int i = 0; i < 3; i++) {
                assertThat(client.send(anonymous).statusCode()).isEqualTo(401);
            }

            assertThat(client.get("/v2/requests/x/status").statusCode()).isEqualTo(404);
            assertThat(client.get("/v2/requests/x/status").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void ringBufferSlidesOneSlotAtATime() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofNanos(100));

        assertThat(limiter.tryAcquire(0).allowed()).isTrue();
        assertThat(limiter.tryAcquire(10).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.tryAcquire(50);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofNanos(50));
        assertThat(limiter.tryAcquire(100).allowed()).isTrue();
        assertThat(limiter.tryAcquire(105).allowed()).isFalse();
        assertThat(limiter.tryAcquire(110).allowed()).isTrue();
    }

    @Test
    void theWindowSlidesOverHttpToo() {
        // one simulated minute at factor 0.005 is 300 ms
        try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.005).rateLimitPerMinute(1).build().start()) {
            sim.model("flux");
            SimClient client = new SimClient(sim);
            client.get("/v1/get-user-credits");
            assertThat(client.post("/v2/flux", "{}").statusCode()).isEqualTo(200);
            HttpResponse<String> limited = client.post("/v2/flux", "{}");
            if (limited.statusCode() == 429) {
                Instant reset = Instant.parse(limited.headers().firstValue("x-rate-limit-reset-at-utc").orElseThrow());
                SimClient.pause(Math.max(0, Duration.between(Instant.now(), reset).toMillis()) + 50);
            }
            assertThat(client.post("/v2/flux", "{}").statusCode()).as("window slid").isEqualTo(200);
        }
    }
}
