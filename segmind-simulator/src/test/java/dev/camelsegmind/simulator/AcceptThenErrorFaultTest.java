package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** {@link Fault#acceptThenStatus} and {@link Fault#acceptThenHtml}: the work is done and billed, the answer is an error. */
class AcceptThenErrorFaultTest extends FastSimulatorTestSupport {

    @Reference(source = "segmind-api.md", quote = "a gateway may time out after the backend accepted and billed the job.")
    @Test
    void aSubmitIsAcceptedAndBilledThenAnswered504WithSegmindsErrorBody() {
        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(504).times(1));

        HttpResponse<String> answer = client.post("/v2/wan2.7-i2v", "{\"prompt\":\"waves\"}");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(SimClient.json(answer).get("error").asText()).isEqualTo("Gateway Time-out");
        assertThat(answer.body()).doesNotContain("request_id");
        JobView job = sim.jobs().iterator().next();
        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).as("billed").isEqualTo(10_000 - 0.5);
        JournalEntry entry = sim.journal().entries(Route.SUBMIT).get(0);
        assertThat(entry.httpStatus()).isEqualTo(504);
        assertThat(entry.requestId()).isEqualTo(job.requestId());
        assertThat(entry.fault()).isEqualTo("acceptThenStatus:504");
        assertThat(client.awaitFinal(job.requestId()).get("status").asText()).as("the job runs on").isEqualTo("COMPLETED");
        assertThat(client.post("/v2/wan2.7-i2v", "{\"prompt\":\"waves\"}").statusCode()).as("times(1)").isEqualTo(200);
    }

    @Test
    void anHtmlGatewayPageIsWhatAGatewaySends() {
        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenHtml(502));

        HttpResponse<String> answer = client.post("/v2/flux", "{}");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("<title>502 Bad Gateway</title>");
        assertThatThrownBy(() -> SimClient.JSON.readTree(answer.body())).isInstanceOf(IOException.class);
        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).isLessThan(10_000);
        assertThat(sim.journal().entries(Route.SUBMIT).get(0).fault()).isEqualTo("acceptThenHtml:502");
    }

    @Test
    void aSyncCallRendersAndBillsThenAnswersTheErrorWhenTheMediaWouldHaveCome() {
        sim.model("flux").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(300));    // 300 ms at 0.001
        sim.faults().add(Fault.on(Route.SYNC).acceptThenStatus(504));

        long start = System.nanoTime();
        HttpResponse<String> answer = client.post("/v1/flux", "{}");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(SimClient.json(answer).get("error").asText()).isEqualTo("Gateway Time-out");
        assertThat(answer.headers().firstValue("x-request-id")).as("no accounting headers on an error").isEmpty();
        assertThat(sim.jobs()).singleElement().satisfies(job -> assertThat(job.sync()).isTrue());
        assertThat(sim.credits()).isEqualTo(10_000 - 0.05);
    }

    @Test
    void anUploadIsTakenThenAnsweredWithTheError() {
        sim.faults().add(Fault.on(Route.UPLOAD).acceptThenHtml(502).times(1));
        String upload = "{\"data_urls\":[\"data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {1, 2})
                + "\"]}";

        HttpResponse<String> answer = client.post("/upload-asset", upload);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).doesNotContain("/assets/");
        JournalEntry entry = sim.journal().entries(Route.UPLOAD).get(0);
        assertThat(entry.fault()).isEqualTo("acceptThenHtml:502");
        assertThat(entry.payload()).containsKey("data_urls");
    }

    @Test
    void aRequestThatWouldBeRefusedIsAnsweredAsItIs() {
        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(504).times(1));

        HttpResponse<String> refused = client.post("/v2/wan2.7-i2v", "{\"prompt\":\"a\",\"duration\":99}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(sim.faults().injected()).isZero();
        assertThat(client.post("/v2/flux", "{}").statusCode()).as("still armed for an accepted one").isEqualTo(504);
    }

    @Test
    void aBodyHeadersAndRetryAfterCanBeGiven() {
        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(503).body("{\"error\":\"overloaded\"}")
                .header("x-trace", "t1").withRetryAfter());

        HttpResponse<String> answer = client.post("/v2/flux", "{}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("{\"error\":\"overloaded\"}");
        assertThat(answer.headers().firstValue("x-trace")).hasValue("t1");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void onlyErrorStatusesCanFollowAnAccept() {
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).acceptThenStatus(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).acceptThenHtml(302)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overHttpTheJobShowsInTheSimulatorsOwnListing() {
        HttpResponse<String> added = admin("POST", "/_sim/faults", "{\"route\":\"SUBMIT\",\"accept_then_status\":504}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(SimClient.json(added).get("status").asInt()).isEqualTo(504);

        HttpResponse<String> answer = client.post("/v2/flux", "{\"prompt\":\"lost answer\"}");

        assertThat(answer.statusCode()).isEqualTo(504);
        JsonNode jobs = SimClient.json(admin("GET", "/_sim/jobs", null));
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("payload").get("prompt").asText()).isEqualTo("lost answer");

        admin("DELETE", "/_sim/faults", null);
        admin("POST", "/_sim/faults", "{\"route\":\"SYNC\",\"accept_then_html\":502}");
        HttpResponse<String> page = client.post("/v1/flux", "{}");
        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(SimClient.json(admin("GET", "/_sim/jobs", null))).hasSize(2);
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).method(method, body).build());
    }
}
