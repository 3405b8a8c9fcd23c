package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class RateLimitStormTest extends FastSimulatorTestSupport {

    @Test
    void aStormAnswers429OnEveryRateLimitedRouteUntilItsEnd() {
        String id = client.submit("flux", "{}");
        Fault storm = Fault.rateLimitStorm(Duration.ofSeconds(30));
        sim.faults().add(storm);

        Map<Route, Supplier<HttpResponse<String>>> calls = new LinkedHashMap<>();
        calls.put(Route.SUBMIT, () -> client.post("/v2/flux", "{}"));
        calls.put(Route.STATUS, () -> client.get("/v2/requests/" + id + "/status"));
        calls.put(Route.RESULT, () -> client.get("/v2/requests/" + id));
        calls.put(Route.POLL_V1, () -> client.get("/v1/requests/" + id));
        calls.put(Route.SYNC, () -> client.post("/v1/flux", "{}"));
        calls.put(Route.UPLOAD, () -> client.post("/upload-asset", "{\"data_urls\":[]}"));
        calls.put(Route.CRUN_CREATE, () -> client.post(CrunClient.CREATE, CrunClient.body("{}")));
        calls.put(Route.CRUN_TASK_INFO, () -> client.get(CrunClient.TASK_INFO + "?task_id=" + id));
        assertThat(calls.keySet()).as("every route the limiter counts").containsExactlyInAnyOrderElementsOf(storm.routes());

        Instant end = storm.endsAt().truncatedTo(ChronoUnit.MILLIS);
        calls.forEach((route, call) -> {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(route.name()).isEqualTo(429);
            JsonNode body = SimClient.json(response);
            if (CrunGate.serves(route)) {
                assertThat(body.get("code").asInt()).as(route + " in crun's words").isEqualTo(429);
            } else {
                assertThat(body.get("error").asText()).isEqualTo("Rate limit exceeded");
            }
            assertThat(Instant.parse(response.headers().firstValue("x-rate-limit-reset-at-utc").orElseThrow()))
                    .as(route + " reset at the storm's end").isEqualTo(end);
            assertThat(response.headers().firstValue("Retry-After")).as(route + ": Segmind documents none").isEmpty();
        });
        assertThat(sim.faults().injected()).isEqualTo(calls.size());
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void mediaAssetsAndCreditsStayReachableInAStorm() {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        String media = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
        sim.faults().add(Fault.rateLimitStorm(Duration.ofSeconds(30)));

        assertThat(client.bytes(media).statusCode()).isEqualTo(200);
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(client.get("/assets/unknown.png").statusCode()).as("answered, not limited").isEqualTo(404);
        assertThat(client.get("/v2/requests/" + id).statusCode()).isEqualTo(429);
    }

    @Test
    void aStormEndsByItself() {
        long start = System.nanoTime();
        sim.faults().add(Fault.rateLimitStorm(Duration.ofMillis(300)));

        HttpResponse<String> first = client.post("/v2/flux", "{}");
        assertThat(first.statusCode()).isEqualTo(429);
        SimClient.await(() -> client.post("/v2/flux", "{}").statusCode() == 200, "the storm to pass");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(sim.faults().list()).isEmpty();
        assertThat(client.get("/v2/requests/x/status").statusCode()).as("answered normally again").isEqualTo(404);
    }

    @Test
    void aStormWithRetryAfterCountsTheSecondsLeft() {
        sim.faults().add(Fault.rateLimitStorm(Duration.ofSeconds(30)).withRetryAfter());
        HttpResponse<String> limited = client.get("/v2/requests/x/status");

        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .as("seconds left, rounded up").isBetween(25L, 30L);

        sim.faults().reset();
        sim.faults().add(Fault.rateLimitStorm(Duration.ofMillis(300)).withRetryAfter());
        assertThat(client.get("/v2/requests/x/status").headers().firstValue("Retry-After"))
                .as("under a second left rounds up to 1").hasValue("1");
    }

    @Test
    void aStormCanBeLimitedToOneModel() {
        sim.faults().add(Fault.rateLimitStorm(Duration.ofSeconds(30)).model("wan2.7-i2v"));

        assertThat(client.post("/v2/wan2.7-i2v", "{\"prompt\":\"a\"}").statusCode()).isEqualTo(429);
        assertThat(client.post("/v2/flux", "{}").statusCode()).isEqualTo(200);
    }
}
