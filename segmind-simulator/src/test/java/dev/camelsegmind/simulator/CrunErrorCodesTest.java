package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * crun's codes, in the body of an HTTP 200 by default and as the HTTP status too with
 * {@link CrunErrorStyle#HTTP_STATUS}, so a client can be tested against both readings of the reference.
 */
class CrunErrorCodesTest {

    static final String OTHER_KEY = "SG_other0000000000";

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().timeFactor(0.001)
            .apiKey(SegmindSimulator.Builder.DEFAULT_KEY, OTHER_KEY).build();

    SegmindSimulator sim;
    CrunClient crun;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        crun = new CrunClient(sim);
    }

    @Reference(source = "segmind-api.md", quote = "The body's `code` can differ from the HTTP status: check both.")
    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "401: Unauthorized - Authentication credentials are missing or invalid")
    @Test
    void byDefaultEveryErrorIsHttp200WithTheCodeInTheBody() {
        Map<Integer, Supplier<HttpResponse<String>>> errors = errors();

        errors.forEach((code, call) -> {
            HttpResponse<String> answer = call.get();
            assertThat(answer.statusCode()).as("HTTP status for code %d", code).isEqualTo(200);
            assertThat(SimClient.json(answer).get("code").asInt()).isEqualTo(code);
            assertThat(SimClient.json(answer).get("message").asText()).isNotBlank();
        });
        assertThat(sim.crun().errorStyle()).isEqualTo(CrunErrorStyle.BODY_CODE);
    }

    @Test
    void withTheHttpStatusStyleTheStatusIsTheCodeToo() {
        sim.crun().errorStyle(CrunErrorStyle.HTTP_STATUS);

        errors().forEach((code, call) -> {
            HttpResponse<String> answer = call.get();
            assertThat(answer.statusCode()).as("HTTP status for code %d", code).isEqualTo(code);
            assertThat(SimClient.json(answer).get("code").asInt()).isEqualTo(code);
        });
        assertThat(crun.post(CrunClient.body("{\"prompt\": \"a\"}")).statusCode()).as("success stays 200").isEqualTo(200);
    }

    /** One request for each error crun's page lists that a request can cause, by code. */
    private Map<Integer, Supplier<HttpResponse<String>>> errors() {
        Map<Integer, Supplier<HttpResponse<String>>> errors = new LinkedHashMap<>();
        errors.put(401, () -> crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + CrunClient.CREATE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CrunClient.body("{\"prompt\": \"a\"}"))).build()));
        errors.put(402, () -> {
            sim.setCredits(OTHER_KEY, 0);
            return crun.post(CrunClient.body("{\"prompt\": \"a\"}"), OTHER_KEY);
        });
        errors.put(404, () -> crun.info("unknown"));
        errors.put(422, () -> crun.post(CrunClient.body("{\"prompt\": \"a\", \"n\": 9}")));
        errors.put(505, () -> {
            sim.crun().disableFeatures("thinking_mode");
            return crun.post(CrunClient.body("{\"prompt\": \"a\", \"thinking_mode\": true}"));
        });
        errors.put(455, () -> {
            sim.crun().maintenance(true);
            HttpResponse<String> answer = crun.info("unknown");
            sim.crun().maintenance(false);
            return answer;
        });
        return errors;
    }

    @Test
    void aRefusedKeyAndABearerTokenAre401() {
        HttpResponse<String> wrong = crun.http.post(CrunClient.CREATE, CrunClient.body("{\"prompt\": \"a\"}"),
                b -> b.setHeader("x-api-key", "SG_nobody"));
        HttpResponse<String> bearer = crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + CrunClient.TASK_INFO
                + "?task_id=x")).header("Authorization", "Bearer " + sim.defaultApiKey()).GET().build());

        assertThat(SimClient.json(wrong).get("code").asInt()).isEqualTo(401);
        assertThat(SimClient.json(bearer).get("code").asInt()).isEqualTo(401);
        assertThat(SimClient.json(bearer).get("message").asText()).contains("x-api-key");
        assertThat(sim.journal().entries(Route.CRUN_CREATE).get(0).headers().get("x-api-key")).isEqualTo("****body");
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "429: Rate Limited - Request limit has been exceeded for this resource")
    @Test
    void theRateWindowIsTheKeysOwnAndSharedWithTheSegmindRoutes() {
        try (SegmindSimulator limited = SegmindSimulator.builder().apiKey("SG_one000000000000", "SG_two000000000000")
                .rateLimitPerMinute(2).build().start()) {
            CrunClient one = new CrunClient(limited);
            one.http.send(one.http.request("/v2/requests/x/status").setHeader("x-api-key", "SG_one000000000000")
                    .GET().build());
            assertThat(SimClient.json(one.info("x", "SG_one000000000000")).get("code").asInt()).isEqualTo(404);

            HttpResponse<String> limitedAnswer = one.post(CrunClient.body("{\"prompt\": \"a\"}"), "SG_one000000000000");
            assertThat(limitedAnswer.statusCode()).isEqualTo(200);
            assertThat(SimClient.json(limitedAnswer).get("code").asInt()).isEqualTo(429);
            assertThat(limited.jobs()).as("a rate-limited create creates nothing").isEmpty();
            assertThat(SimClient.json(one.info("x", "SG_two000000000000")).get("code").asInt())
                    .as("another key, another window").isEqualTo(404);
        }
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "455: Service Unavailable - System is currently undergoing maintenance")
    @Test
    void maintenanceClosesBothRoutesUntilItEnds() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        sim.crun().maintenance(true);

        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\"}"))).get("code").asInt()).isEqualTo(455);
        assertThat(SimClient.json(crun.info(id)).get("code").asInt()).isEqualTo(455);
        assertThat(sim.jobs()).hasSize(1);
        sim.crun().maintenance(false);
        assertThat(SimClient.json(crun.info(id)).get("code").asInt()).isEqualTo(200);
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "505: Feature Disabled - The requested feature is currently disabled")
    @Test
    void aDisabledFeatureIs505OnlyForRequestsThatUseIt() {
        sim.crun().disableFeatures("enable_sequential", "input_urls", "callback_url");

        assertThat(message("{\"prompt\": \"a\", \"enable_sequential\": true, \"n\": 6}")).contains("enable_sequential");
        assertThat(message("{\"prompt\": \"a\", \"img_urls\": [\"https://example.com/a.png\"]}"))
                .as("input images, under either name").contains("img_urls");
        JsonNode callback = SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\"}", "http://127.0.0.1:9/cb")));
        assertThat(callback.get("code").asInt()).isEqualTo(505);
        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\", \"enable_sequential\": false}")))
                .get("code").asInt()).isEqualTo(200);
        assertThat(sim.credits()).as("only the accepted task was billed").isEqualTo(10_000 - 0.06);
        sim.crun().enableAllFeatures();
        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\", \"enable_sequential\": true}")))
                .get("code").asInt()).isEqualTo(200);
    }

    @Test
    void theSettingsCanBeChangedOverHttp() {
        HttpResponse<String> changed = admin("POST", "/_sim/crun", "{\"error_style\": \"http_status\", \"maintenance\": true,"
                + " \"disabled_features\": [\"thinking_mode\"], \"image_fields\": [\"img_urls\"], \"callback_retries\": 2,"
                + " \"callback_backoff_ms\": 1000, \"callback_timeout_ms\": 2000, \"token_parameter\": \"t\"}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(crun.post(CrunClient.body("{\"prompt\": \"a\"}")).statusCode()).isEqualTo(455);
        assertThat(sim.crun().imageFields()).containsExactly("img_urls");
        assertThat(sim.crun().disabledFeatures()).containsExactly("thinking_mode");
        assertThat(sim.crun().callbackRetries()).isEqualTo(2);
        assertThat(sim.crun().callbackBackoff()).hasMillis(1000);
        assertThat(sim.crun().callbackTimeout()).hasMillis(2000);
        assertThat(sim.crun().callbackTokenParameter()).isEqualTo("t");
        JsonNode shown = SimClient.json(admin("GET", "/_sim/crun", null));
        assertThat(shown.get("error_style").asText()).isEqualTo("HTTP_STATUS");
        assertThat(shown.get("maintenance").asBoolean()).isTrue();

        HttpResponse<String> bad = admin("POST", "/_sim/crun", "{\"maintenance\": false, \"error_style\": \"loud\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(bad).get("field").asText()).isEqualTo("error_style");
        assertThat(sim.crun().maintenance()).as("a refused change changes nothing").isTrue();
        assertThat(SimClient.json(admin("POST", "/_sim/crun", "{\"colour\": 1}")).get("field").asText()).isEqualTo("colour");
        assertThat(sim.journal().entries()).as("admin calls are not journaled").hasSize(1);
    }

    private String message(String input) {
        JsonNode answer = SimClient.json(crun.post(CrunClient.body(input)));
        assertThat(answer.get("code").asInt()).as(input).isEqualTo(505);
        return answer.get("message").asText();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
