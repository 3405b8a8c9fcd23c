package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** crun's task API: create, then TaskInfo through pending, running and success or failed, on the simulator's clock. */
class CrunTaskApiTest {

    static final String ALICE = "SG_alice0000000000";
    static final String BOB = "SG_bob000000000000";
    static final SimulatedClock CLOCK = new SimulatedClock();

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().apiKey(ALICE, BOB).credits(1)
            .configure(b -> b.clock(CLOCK).blockedWords("gore")).build();

    SegmindSimulator sim;
    CrunClient crun;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        crun = new CrunClient(sim);
    }

    @Reference(source = "segmind-api.md", quote = "`{\"code\": 200, \"message\": \"success\", \"data\": {\"task_id\": \"...\"}}`")
    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "x-api-key: YOUR_API_KEY")
    @Test
    void createAnswersATaskIdInCrunsEnvelope() {
        HttpResponse<String> created = crun.post(CrunClient.body("{\"prompt\": \"a lighthouse\"}"));

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(created);
        assertThat(body.get("code").asInt()).isEqualTo(200);
        assertThat(body.get("message").asText()).isEqualTo("success");
        assertThat(body.get("data").get("task_id").asText()).isNotBlank();
    }

    @Reference(source = "segmind-api.md", quote = "`status` is `pending|running|success|failed`;")
    @Reference(source = "segmind-api.md", quote = "on success `result` is `{\"code\",\"message\",\"media_urls\":[...]}`.")
    @Reference(source = "segmind-api.md", quote = "`{\"code\":200,\"message\":\"success\",\"data\":{\"task_id\",\"status\",\"param\":{...},\"create_at\",")
    @Test
    void aTaskIsPendingThenRunningThenSuccessInTheModelsTime() throws IOException {
        String request = CrunClient.body("{\"prompt\": \"a lighthouse\", \"resolution\": \"1K\"}");
        String id = crun.create(request);

        JsonNode pending = crun.data(id);
        assertThat(pending.get("task_id").asText()).isEqualTo(id);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("param")).as("the request as sent").isEqualTo(SimClient.JSON.readTree(request));
        assertThat(Instant.parse(pending.get("create_at").asText())).isEqualTo(CLOCK.instant().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(pending.get("result").isNull()).isTrue();
        assertThat(pending.get("complete_at").isNull()).isTrue();
        assertThat(pending.get("duration_s").isNull()).isTrue();

        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(crun.data(id).get("status").asText()).isEqualTo("running");

        CLOCK.advance(Duration.ofSeconds(33));
        JsonNode done = crun.data(id);
        assertThat(done.get("status").asText()).isEqualTo("success");
        assertThat(done.get("result").get("code").asInt()).isEqualTo(200);
        assertThat(done.get("result").get("message").asText()).isEqualTo("success");
        assertThat(done.get("result").get("media_urls")).hasSize(1);
        assertThat(done.get("duration_s").asDouble()).isEqualTo(33.38);
        assertThat(Instant.parse(done.get("complete_at").asText())).isAfter(Instant.parse(done.get("create_at").asText()));
        assertThat(done.get("credits").asDouble()).isEqualTo(0.06);
    }

    @Reference(source = "segmind-api.md", quote = "`n` (1–4; up to 12 in set mode)")
    @Reference(source = "segmind-api.md", quote = "`aspect_ratio` (1:1, 16:9, 4:3, 21:9, 3:4, 9:16, 8:1, 1:8; text-to-image only)")
    @Test
    void successServesOneRealImagePerN() throws IOException {
        String id = crun.create(CrunClient.body(
                "{\"prompt\": \"a fox\", \"n\": 3, \"resolution\": \"1K\", \"aspect_ratio\": \"16:9\"}"));
        CLOCK.advance(Duration.ofMinutes(1));

        List<String> urls = new ArrayList<>();
        crun.data(id).get("result").get("media_urls").forEach(url -> urls.add(url.asText()));

        assertThat(urls).hasSize(3).doesNotHaveDuplicates().allMatch(url -> url.startsWith(sim.baseUrl() + "/media/"));
        for (String url : urls) {
            HttpResponse<byte[]> image = crun.http.bytes(url);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
            var picture = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertThat(picture.getWidth()).as("1K at 16:9: a 1024 square's pixels, in sixteens").isEqualTo(1360);
            assertThat(picture.getHeight()).isEqualTo(768);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt": "a", "resolution": "1K"}                          | 1024 | 1024
            {"prompt": "a", "resolution": "2K"}                          | 2048 | 2048
            {"prompt": "a"}                                              | 2048 | 2048
            {"prompt": "a", "resolution": "1K", "aspect_ratio": "9:16"}  | 768  | 1360
            {"prompt": "a", "resolution": "1K", "aspect_ratio": "8:1"}   | 2896 | 368
            """)
    void theResolutionAndAspectRatioSetThePixels(String input, int width, int height) throws IOException {
        String id = crun.create(CrunClient.body(input));
        CLOCK.advance(Duration.ofMinutes(1));

        var picture = ImageIO.read(new ByteArrayInputStream(crun.http.bytes(
                crun.data(id).get("result").get("media_urls").get(0).asText()).body()));

        assertThat(picture.getWidth()).isEqualTo(width);
        assertThat(picture.getHeight()).isEqualTo(height);
    }

    @Test
    void imageSetModeMakesUpToTwelveImagesAndJpegCanBeChosen() {
        sim.crun().model().mediaType("image/jpeg");
        String id = crun.create(CrunClient.body(
                "{\"prompt\": \"a comic strip\", \"enable_sequential\": true, \"n\": 12, \"resolution\": \"1K\"}"));
        CLOCK.advance(Duration.ofMinutes(1));

        JsonNode urls = crun.data(id).get("result").get("media_urls");
        assertThat(urls).hasSize(12);
        HttpResponse<byte[]> last = crun.http.bytes(urls.get(11).asText());
        assertThat(last.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(last.body()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(last.body()[1] & 0xFF).isEqualTo(0xD8);
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "402: Insufficient Credits - Account does not have enough credits to perform the operation")
    @Test
    void aTaskIsBilledPerImageToTheAccountOfTheKeyThatCreatedIt() {
        crun.create(CrunClient.body("{\"prompt\": \"a\", \"n\": 4}"), ALICE);

        assertThat(sim.credits(ALICE)).isEqualTo(0.76);
        assertThat(sim.credits(BOB)).isEqualTo(1.0);
        sim.setCredits(BOB, 0.1);
        JsonNode refused = SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\", \"n\": 2}"), BOB));
        assertThat(refused.get("code").asInt()).isEqualTo(402);
        assertThat(refused.get("message").asText()).containsIgnoringCase("credits");
        assertThat(sim.credits(BOB)).as("a refused task is not billed").isEqualTo(0.1);
        assertThat(SimClient.json(crun.http.send(crun.http.request("/v1/get-user-credits")
                .setHeader("x-api-key", ALICE).GET().build())).get("credits").asDouble())
                .as("one account per key, whichever API spends it").isEqualTo(0.76);
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "404: Not Found - The requested resource or endpoint does not exist")
    @Test
    void aKeySeesOnlyItsOwnTasksAndUnknownIdsAre404() {
        String alices = crun.create(CrunClient.body("{\"prompt\": \"a\"}"), ALICE);

        assertThat(SimClient.json(crun.info(alices, ALICE)).get("code").asInt()).isEqualTo(200);
        JsonNode bobs = SimClient.json(crun.info(alices, BOB));
        assertThat(bobs.get("code").asInt()).isEqualTo(404);
        assertThat(bobs.get("data").isNull()).isTrue();
        assertThat(SimClient.json(crun.info("no-such-task")).get("code").asInt()).isEqualTo(404);
        JsonNode missing = SimClient.json(crun.http.get(CrunClient.TASK_INFO));
        assertThat(missing.get("code").asInt()).isEqualTo(422);
        assertThat(missing.get("message").asText()).contains("task_id");
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "501: Generation Failed - Content generation task failed")
    @Test
    void aFailedGenerationEndsFailedWithCode501InTheResult() {
        String failing = crun.create(CrunClient.body("{\"prompt\": \"a fox [sim:fail]\"}"));
        String blocked = crun.create(CrunClient.body("{\"prompt\": \"GORE at noon\"}"));
        CLOCK.advance(Duration.ofMinutes(1));

        JsonNode failed = crun.data(failing);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("result").get("code").asInt()).isEqualTo(501);
        assertThat(failed.get("result").get("message").asText()).isEqualTo("Generation failed");
        assertThat(failed.get("result").get("media_urls")).isEmpty();
        JsonNode block = crun.data(blocked).get("result");
        assertThat(block.get("code").asInt()).isEqualTo(501);
        assertThat(block.get("message").asText()).containsIgnoringCase("safety");
        sim.crun().model().failWith("GPU fell over");
        String later = crun.create(CrunClient.body("{\"prompt\": \"fine\"}"));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(crun.data(later).get("result").get("message").asText()).isEqualTo("GPU fell over");
    }

    @Test
    void tasksShareTheJournalWithMaskedKeysAndStayOffSegmindsRoutes() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"), ALICE);
        crun.info(id, ALICE);

        List<JournalEntry> created = sim.journal().entries(Route.CRUN_CREATE);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).headers().get("x-api-key")).isEqualTo("****0000").doesNotContain("alice");
        assertThat(created.get(0).requestId()).isEqualTo(id);
        assertThat(created.get(0).model()).isEqualTo(Crun.MODEL);
        assertThat(created.get(0).payload()).containsEntry("model", Crun.MODEL);
        JournalEntry info = sim.journal().entries(Route.CRUN_TASK_INFO).get(0);
        assertThat(info.query()).isEqualTo("task_id=" + id);
        assertThat(info.requestId()).isEqualTo(id);
        assertThat(info.outgoing()).isFalse();
        assertThat(sim.journal().count(Route.CRUN_TASK_INFO, Crun.MODEL)).isEqualTo(1);

        assertThat(sim.job(id)).get().extracting(JobView::model).isEqualTo(Crun.MODEL);
        assertThat(crun.http.send(crun.http.request("/v2/requests/" + id + "/status").setHeader("x-api-key", ALICE)
                .GET().build()).statusCode()).as("a crun task is not a Segmind job").isEqualTo(404);
    }

    @Test
    void aTaskIsKeptAsLongAsASegmindJobThenAnswers404() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(crun.data(id).get("status").asText()).isEqualTo("success");

        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(SimClient.json(crun.info(id)).get("code").asInt()).isEqualTo(404);
        assertThat(sim.crun().tasks().find(id)).as("media outlives the record, so the task is still held").isPresent();
    }

    @Test
    void theModelsWorkersQueueTasksBeyondThem() {
        sim.crun().model().workers(1);
        String first = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        String second = crun.create(CrunClient.body("{\"prompt\": \"b\"}"));
        CLOCK.advance(Duration.ofSeconds(5));

        assertThat(crun.data(first).get("status").asText()).isEqualTo("running");
        assertThat(crun.data(second).get("status").asText()).as("waits for the only worker").isEqualTo("pending");
        CLOCK.advance(Duration.ofSeconds(33));
        assertThat(crun.data(second).get("status").asText()).isEqualTo("running");
    }
}
