package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The code shown in the module's README, run as tests so the README cannot drift from what works. */
class ReadmeExamplesTest {

    @Test
    void plainJava() throws Exception {
        // tag::plain-java[]
        try (SegmindSimulator sim = SegmindSimulator.builder()
                .timeFactor(0.01)                      // a 33 s render takes 0.33 s
                .build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/v2/wan2.7-image-pro"))
                    .header("x-api-key", sim.defaultApiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"a lighthouse\", \"size\": \"1K\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(submitted.statusCode()).isEqualTo(200);   // {"request_id": ..., "status_url": ...}
            assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        }
        // end::plain-java[]
    }

    @Test
    void faultsAndModels() throws Exception {
        try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.01).build().start()) {
            // tag::faults[]
            sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(2));        // two 429s, then normal
            sim.faults().add(Fault.on(Route.MEDIA).truncate().times(1));          // one download cut short
            sim.faults().add(Fault.on(Route.STATUS).delay(Duration.ofSeconds(2))  // slow polls, now and then
                    .probability(0.1).seed(7));
            sim.model("wan2.7-i2v")
                    .renderTime(Duration.ofMinutes(7))    // the page's worst case, ~415 s
                    .workers(2);                          // two at a time, the rest stay QUEUED
            sim.model("my-upscaler")                      // a model of your own, with its documented rules
                    .parameter(ModelParameter.uri("image").required())
                    .parameter(ModelParameter.integer("scale").range(2, 4).defaultValue(2));
            // end::faults[]
            SimClient client = new SimClient(sim);
            assertThat(client.post("/v2/my-upscaler", "{\"image\":\"https://x/a.png\"}").statusCode()).isEqualTo(429);
            assertThat(client.post("/v2/my-upscaler", "{\"image\":\"https://x/a.png\"}").statusCode()).isEqualTo(429);
            assertThat(client.post("/v2/my-upscaler", "{\"scale\":3}").statusCode()).isEqualTo(400);
            assertThat(sim.model("wan2.7-i2v").workers()).isEqualTo(2);
        }
    }

    @Test
    void crun() throws Exception {
        // tag::crun[]
        SimulatedClock clock = new SimulatedClock();
        try (SegmindSimulator sim = SegmindSimulator.builder().clock(clock).build().start();
                CallbackReceiver receiver = new CallbackReceiver()) {   // (this module's test helper: a JDK HttpServer on 127.0.0.1)
            sim.crun().callbackFaults().add(CallbackFault.duplicate().times(1));   // the first callback comes twice
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/api/v1/client/job/CreateTask"))
                    .header("x-api-key", sim.defaultApiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model": "wan/2-7-image-pro",
                             "callback_url": "%s",
                             "input": {"prompt": "a lighthouse", "n": 2, "resolution": "1K"}}
                            """.formatted(receiver.url("/crun/done?token=s3cret"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);   // {"code": 200, "message": "success", "data": {"task_id": ...}}

            clock.advance(Duration.ofSeconds(40));             // queue + the model's ~33 s
            List<CallbackReceiver.Received> callbacks = receiver.next(2);
            assertThat(callbacks.get(0).json().get("status").asText()).isEqualTo("success");
            assertThat(callbacks.get(0).json().get("result").get("media_urls")).hasSize(2);
            assertThat(callbacks.get(1).body()).isEqualTo(callbacks.get(0).body());   // to be ignored by task_id
        }
        // end::crun[]
    }

    @Test
    void clock() {
        // tag::clock[]
        SimulatedClock clock = new SimulatedClock();
        try (SegmindSimulator sim = SegmindSimulator.builder().clock(clock).build().start()) {
            SimClient client = new SimClient(sim);              // (this module's test helper)
            String id = client.submit("wan2.7-i2v", "{\"prompt\": \"waves\"}");

            clock.advance(Duration.ofSeconds(140));             // queue + the page's ~138 s render
            assertThat(sim.job(id).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
            clock.advance(Duration.ofHours(1));                 // results are kept one hour
            assertThat(client.get("/v2/requests/" + id).statusCode()).isEqualTo(404);
        }
        // end::clock[]
    }
}
