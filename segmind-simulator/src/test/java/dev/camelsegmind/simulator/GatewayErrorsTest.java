package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayErrorsTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.01).apiKey("SG_0123456789abcdef", "SG_second").build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.model("flux");
    }

    @Reference(source = "segmind-api.md", quote = "Every call sends the key in the header `x-api-key`.")
    @Test
    void everyConfiguredKeyIsAccepted() {
        assertThat(sim.defaultApiKey()).isEqualTo("SG_0123456789abcdef");
        HttpResponse<String> second = client.post("/v2/flux", "{}", b -> b.setHeader("x-api-key", "SG_second"));

        assertThat(second.statusCode()).isEqualTo(200);
    }

    /** segmind-api.md, Errors: error bodies are {"error": "<message>"} — the shape served when no key came. */
    @Reference(source = "segmind-api.md", quote = "| 401 | missing or invalid key |")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Missing or invalid API key")
    @Test
    void missingKeyIs401WithThePlainErrorBody() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/flux"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("error").asText()).contains("x-api-key");
        assertThat(body.has("error_description")).isFalse();
        assertThat(sim.jobs()).isEmpty();
    }

    /** segmind-api.md, Errors: auth errors may be {"error":"invalid_token","error_description":"...","status_code":401}. */
    @Reference(source = "segmind-api.md", quote = "| 401 | missing or invalid key |")
    @Test
    void wrongKeyIs401InvalidToken() {
        HttpResponse<String> response = client.post("/v2/flux", "{}", b -> b.setHeader("x-api-key", "SG_nope"));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_token");
        assertThat(body.get("status_code").asInt()).isEqualTo(401);
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("SG_nope");
    }

    @Reference(source = "segmind-api.md", quote = "`Authorization: Bearer` is rejected (401).")
    @Test
    void bearerTokenAloneIs401() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/requests/x/status"))
                .header("Authorization", "Bearer " + sim.defaultApiKey()).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(response).get("error_description").asText()).contains("x-api-key");
    }

    @Reference(source = "segmind-api.md", quote = "insufficient credits / team spend limit")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Not enough credits to process request")
    @Test
    void insufficientCreditsIs406MentioningCredits() {
        sim.setCredits(0.3);

        HttpResponse<String> response = client.post("/v2/wan2.7-i2v", "{\"prompt\":\"waves\"}");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(SimClient.json(response).get("error").asText())
                .isEqualTo("Insufficient credits to run this model. Please add credits.");
        assertThat(sim.credits()).isEqualTo(0.3);
        assertThat(sim.jobs()).isEmpty();
    }

    @Reference(source = "segmind-api.md", quote = "A missing/wrong content type gives 406.")
    @Reference(source = "segmind-api.md", quote = "only the message tells them apart (look for \"credit\" / \"limit\")")
    @Test
    void wrongContentTypeIs406WithoutMentioningCreditsOrLimits() {
        HttpResponse<String> response = client.post("/v2/wan2.7-i2v", "{\"prompt\":\"waves\"}",
                b -> b.setHeader("Content-Type", "text/plain"));

        assertThat(response.statusCode()).isEqualTo(406);
        String error = SimClient.json(response).get("error").asText();
        assertThat(error).startsWith("Unsupported content type").doesNotContainIgnoringCase("credit")
                .doesNotContainIgnoringCase("limit");
    }

    @Reference(source = "segmind-api.md", quote = "Body: `Content-Type: application/json`.")
    @Test
    void jsonWithCharsetIsFine() {
        HttpResponse<String> response = client.post("/v2/flux", "{}",
                b -> b.setHeader("Content-Type", "application/json; charset=UTF-8"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Reference(source = "segmind-api.md", quote = "every accepted POST is a new billable job.")
    @Test
    void creditsAreChargedPerAcceptedJob() {
        sim.setCredits(1.0);
        client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        client.submit("wan2.1-i2v-720p", "{\"prompt\":\"a\",\"image\":\"https://x/y.png\"}");
        client.submit("wan2.7-image-pro", "{\"prompt\":\"a\"}");

        assertThat(sim.credits()).as("kept exact, not float-drifted").isEqualTo(0.04);
        assertThat(client.post("/v2/wan2.7-r2v", "{\"prompt\":\"a\"}").statusCode()).isEqualTo(406);
    }

    @Reference(source = "segmind-api.md", quote = "Credits: `GET /v1/get-user-credits` (free call).")
    @Test
    void creditsEndpointIsFreeAndKeyed() {
        HttpResponse<String> response = client.get("/v1/get-user-credits");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(response).get("credits").asDouble()).isEqualTo(10_000);
        assertThat(sim.credits()).isEqualTo(10_000);
        assertThat(client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/get-user-credits")).build())
                .statusCode()).isEqualTo(401);
    }

    @Reference(source = "segmind-api.md", quote = "| 400 | bad request body or parameters |")
    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = client.post("/v2/flux", "{\"prompt\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(response).get("error").asText()).isNotBlank();
        assertThat(sim.credits()).isEqualTo(10_000);
    }

    @Reference(source = "segmind-api.md", quote = "with the model parameters as a flat JSON object")
    @Test
    void nonObjectJsonIs400() {
        assertThat(client.post("/v2/flux", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(client.post("/v2/flux", "").statusCode()).isEqualTo(400);
    }

    @Reference(source = "segmind-api.md", quote = "| 405 | wrong method; the body is HTML, not JSON |")
    @Test
    void wrongMethodOnAKnownPathIs405WithHtml() {
        HttpResponse<String> response = client.get("/v2/wan2.7-i2v");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<html>").contains("405");
        assertThat(client.post("/v2/requests/abc/status", "{}").statusCode()).isEqualTo(405);
        assertThat(client.post("/v1/get-user-credits", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void slugWithForbiddenCharactersIs404() {
        assertThat(client.post("/v2/bad%20slug", "{}").statusCode()).isEqualTo(404);
        assertThat(client.post("/v2/a/b/c", "{}").statusCode()).isEqualTo(404);
        assertThat(client.get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Reference(source = "segmind-api.md", quote = "| 404 | unknown model, or unknown/expired request id |")
    @Reference(source = "segmind-api.md", quote = "| 410 | model retired |")
    @Test
    void unknownAndRetiredModels() {
        sim.model("gone-model").notFound();
        sim.model("old-model").retired();

        HttpResponse<String> missing = client.post("/v2/gone-model", "{}");
        HttpResponse<String> retired = client.post("/v2/old-model", "{}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(missing).get("error").asText()).contains("gone-model");
        assertThat(retired.statusCode()).isEqualTo(410);
        assertThat(client.post("/v1/old-model", "{}").statusCode()).isEqualTo(410);
        assertThat(sim.jobs()).isEmpty();
    }

    @Reference(source = "segmind-api.md", quote = "forwarded\n   verbatim (unknown parameters included)")
    @Test
    void unknownParametersAreForwardedUntouched() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a\",\"thinking_mode\":true,\"extra\":{\"n\":2}}");

        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("thinking_mode", true).containsKey("extra");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"prompt\":\"" + "x".repeat(64 * 1024 * 1024) + "\"}";

        assertThat(client.post("/v2/flux", big).statusCode()).isEqualTo(413);
    }
}
