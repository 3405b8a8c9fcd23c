package dev.camelsegmind.examples.restapi;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the service as a user would, on a free loopback port, against a simulator that renders a thousand times
 * faster than Segmind, and talks to it over HTTP.
 */
class RestApiApplicationTest {

    private static final String KEY = "SG_0123456789abcdef";
    private static final String IMAGE_URL = "https://example.com/lake.png";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SegmindSimulator sim;
    private static Main app;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void startService() throws Exception {
        sim = SegmindSimulator.builder().timeFactor(0.001).apiKey(KEY).build().start();
        int port = freePort();
        app = RestApiApplication.newMain();
        RestApiApplication.useSimulator(app, sim.baseUrl(), KEY, 0.001);
        app.addOverrideProperty("camel.server.port", String.valueOf(port));
        // long enough for every job here, short enough for the 504 test to end soon
        app.addOverrideProperty("segmind.videos.timeout", "3000");
        app.start();
        base = "http://127.0.0.1:" + port;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopService() {
        if (app != null) {
            app.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void freshSimulator() {
        sim.reset();
    }

    @Test
    void theStartUpSummaryNamesTheAddressTheServerListensOn() throws Exception {
        List<String> summary = ServerSummary.lines(app.getCamelContext());

        // base is where every other test reaches the service: loopback, as application.properties binds it
        assertThat(summary.get(0)).isEqualTo("Listening on " + base);
        assertThat(summary.subList(1, summary.size())).hasSize(3).allSatisfy(l -> assertThat(l.trim())
                .startsWith(base + "/")).anySatisfy(l -> assertThat(l).contains(base + "/jobs/{id}").contains("GET"));
        assertThat(String.join("\n", summary)).doesNotContain("0.0.0.0");
    }

    @Test
    void postImagesAnswersWithThePng() throws Exception {
        HttpResponse<byte[]> r = post("/images", "{\"prompt\": \"a lighthouse at dawn\", \"size\": \"1K\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        String id = r.headers().firstValue("X-Segmind-Request-Id").orElseThrow();
        assertPng(r.body());
        assertThat(sim.job(id)).hasValueSatisfying(job -> {
            assertThat(job.model()).isEqualTo("wan2.7-image-pro");
            assertThat(job.payload()).containsEntry("size", "1K");
        });
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void postVideosAnswersWithTheMp4() throws Exception {
        HttpResponse<byte[]> r = post("/videos", "{\"prompt\": \"a slow pan across the lake\", \"image\": \""
                + IMAGE_URL + "\", \"resolution\": \"1080P\", \"duration\": 5}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertMp4(r.body());
        String id = r.headers().firstValue("X-Segmind-Request-Id").orElseThrow();
        assertThat(sim.job(id).orElseThrow().payload())
                .containsEntry("resolution", "1080P").containsEntry("image", IMAGE_URL).doesNotContainKey("model");
    }

    @Test
    void anImageSentAsADataUriBecomesAVideo() throws Exception {
        byte[] png = post("/images", "{\"prompt\": \"a lake at dawn\"}").body();
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);

        HttpResponse<byte[]> r = post("/videos", "{\"prompt\": \"the mist lifts\", \"image\": \"" + dataUri + "\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertMp4(r.body());
        String id = r.headers().firstValue("X-Segmind-Request-Id").orElseThrow();
        assertThat((String) sim.job(id).orElseThrow().payload().get("image")).startsWith("data:image/png;base64,");
    }

    @Test
    void modelInTheJsonPicksAnotherVideoModel() throws Exception {
        HttpResponse<byte[]> r = post("/videos", "{\"model\": \"wan2.1-i2v-720p\", \"prompt\": \"waves\","
                + " \"image\": \"" + IMAGE_URL + "\", \"video_length\": 3}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertMp4(r.body());
        assertThat(sim.journal().count(Route.SUBMIT, "wan2.1-i2v-720p")).isEqualTo(1);
        assertThat(sim.journal().count(Route.SUBMIT, "wan2.7-i2v")).isZero();
    }

    @Test
    void asyncAnswers202AtOnceAndTheJobResourceHandsOverTheVideoWhenDone() throws Exception {
        // half a second of real time: the first status read sees the job still running
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(500));

        HttpResponse<byte[]> accepted = post("/videos?async=true", "{\"prompt\": \"a slow pan\", \"image\": \""
                + IMAGE_URL + "\", \"resolution\": \"720P\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        Map<String, Object> job = json(accepted);
        String id = (String) job.get("requestId");
        assertThat(job).containsEntry("statusUrl", "/jobs/" + id);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/jobs/" + id);

        HttpResponse<byte[]> running = get("/jobs/" + id);
        assertThat(running.statusCode()).isEqualTo(202);
        assertThat(json(running)).containsEntry("requestId", id).containsKey("status");
        assertThat((String) json(running).get("status")).isIn("QUEUED", "PROCESSING");

        HttpResponse<byte[]> done = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/jobs/" + id), r -> r.statusCode() != 202);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(done.headers().firstValue("X-Segmind-Request-Id")).hasValue(id);
        assertMp4(done.body());
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs415() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/images"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("a lighthouse")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void anAsyncImageIsCollectedAsAPngFromItsJobResource() throws Exception {
        String id = (String) json(post("/images?async=true", "{\"prompt\": \"a lighthouse\"}")).get("requestId");

        HttpResponse<byte[]> done = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/jobs/" + id), r -> r.statusCode() != 202);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type")).hasValue("image/png");
        assertPng(done.body());
    }

    @Test
    void badJsonIs400NamingTheBody() throws Exception {
        HttpResponse<byte[]> r = post("/images", "{\"prompt\": \"unterminated");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(r)).containsEntry("option", "body");
        assertThat((String) json(r).get("error")).contains("not valid JSON");
        assertNoStackTrace(r);
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void anInvalidParameterIs400NamingTheOptionBeforeAnyCall() throws Exception {
        HttpResponse<byte[]> r = post("/videos", "{\"prompt\": \"x\", \"image\": \"" + IMAGE_URL + "\","
                + " \"resolution\": \"4K\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r)).containsEntry("option", "resolution");
        assertThat((String) json(r).get("error")).contains("720P");
        assertNoStackTrace(r);
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aFailedJobIs422WithTheDetailAndTheRequestId() throws Exception {
        HttpResponse<byte[]> r = post("/images", "{\"prompt\": \"[sim:fail] a lighthouse\"}");

        assertThat(r.statusCode()).isEqualTo(422);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("detail", "Generation failed");
        assertThat(body.get("requestId")).isNotNull().isEqualTo(r.headers().firstValue("X-Segmind-Request-Id")
                .orElseThrow());
        assertNoStackTrace(r);
    }

    @Test
    void aFailedAsyncJobIs422OnItsJobResource() throws Exception {
        String id = (String) json(post("/images?async=true", "{\"prompt\": \"[sim:block] a lighthouse\"}"))
                .get("requestId");

        HttpResponse<byte[]> r = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/jobs/" + id), x -> x.statusCode() != 202);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r)).containsEntry("requestId", id);
        assertThat((String) json(r).get("detail")).contains("safety");
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        HttpResponse<byte[]> r = get("/jobs/no-such-request");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r)).containsEntry("requestId", "no-such-request");
        assertNoStackTrace(r);
    }

    @Test
    void anExpiredJobIs404() throws Exception {
        String id = (String) json(post("/images?async=true", "{\"prompt\": \"a lighthouse\"}")).get("requestId");
        sim.expire(id);

        assertThat(get("/jobs/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aJobIdThatIsNoRequestIdIs400() throws Exception {
        HttpResponse<byte[]> r = get("/jobs/not%20an%20id");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r)).containsEntry("option", "requestId");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void noCreditsIs402() throws Exception {
        sim.setCredits(0);

        HttpResponse<byte[]> r = post("/images", "{\"prompt\": \"a lighthouse\"}");

        assertThat(r.statusCode()).isEqualTo(402);
        assertNoStackTrace(r);
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIs429() throws Exception {
        sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(50));

        HttpResponse<byte[]> r = post("/images", "{\"prompt\": \"a lighthouse\"}");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(sim.journal().count(Route.SUBMIT)).isGreaterThan(1);
    }

    @Test
    void aJobThatOutlastsTheTimeoutIs504WithItsRequestId() throws Exception {
        sim.model("wan2.7-i2v").renderTime(Duration.ofHours(1));

        HttpResponse<byte[]> r = post("/videos", "{\"prompt\": \"a slow pan\", \"image\": \"" + IMAGE_URL + "\"}");

        assertThat(r.statusCode()).isEqualTo(504);
        Map<String, Object> body = json(r);
        String id = (String) body.get("requestId");
        assertThat(id).isNotBlank();
        assertThat(body).containsEntry("statusUrl", "/jobs/" + id);
        assertThat(sim.job(id)).isPresent();
    }

    @Test
    void openRequestsHoldNoThreadWhileTheirJobsRun() throws Exception {
        // more than the 20 Vert.x worker threads: a consumer that parks a worker per request could not submit them all
        sim.model("wan2.7-i2v").renderTime(Duration.ofHours(1));
        int n = 24;
        List<CompletableFuture<HttpResponse<byte[]>>> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            open.add(http.sendAsync(request("/videos").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"prompt\": \"clip " + i + "\", \"image\": \"" + IMAGE_URL + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().count(Route.SUBMIT) == n);
        assertThat(open).noneMatch(CompletableFuture::isDone);

        // forget every job: each waiting request now ends with 404
        sim.jobs().forEach(job -> sim.expire(job.requestId()));
        CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get();
        assertThat(open).allSatisfy(f -> assertThat(f.get().statusCode()).isEqualTo(404));
    }

    private static HttpResponse<byte[]> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readValue(r.body(), Map.class);
    }

    private static void assertNoStackTrace(HttpResponse<byte[]> r) {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(KEY);
    }

    private static void assertPng(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(8);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    private static void assertMp4(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(12);
        assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
