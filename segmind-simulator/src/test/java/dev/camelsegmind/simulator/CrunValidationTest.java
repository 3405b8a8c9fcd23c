package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A create request that breaks the reference's input rules gets code 422 naming the field, and is not billed. */
class CrunValidationTest {

    static final String IMAGES = "[\"https://example.com/a.png\"]";

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().timeFactor(0.001).build();

    SegmindSimulator sim;
    CrunClient crun;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        crun = new CrunClient(sim);
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "422: Validation Error - The request parameters failed validation checks")
    @Reference(source = "segmind-api.md", quote = "`seed` (0..2147483647)")
    @Reference(source = "segmind-api.md", quote = "`resolution` (1K/2K/4K; 4K only for plain text-to-image)")
    @Reference(source = "segmind-api.md", quote = "`thinking_mode` (text-to-image only, not sets)")
    @Reference(source = "segmind-api.md", quote = "`color_palette` (3–10 `{hex, ratio}`)")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                              | prompt
            {"prompt": ""}                                                  | prompt
            {"prompt": 7}                                                   | prompt
            {"prompt": "a", "resolution": "8K"}                             | resolution
            {"prompt": "a", "aspect_ratio": "2:1"}                          | aspect_ratio
            {"prompt": "a", "n": 0}                                         | 'n'
            {"prompt": "a", "n": 5}                                         | input.n
            {"prompt": "a", "n": 13, "enable_sequential": true}             | 'n'
            {"prompt": "a", "n": 2.5}                                       | 'n'
            {"prompt": "a", "seed": -1}                                     | seed
            {"prompt": "a", "seed": 2147483648}                             | seed
            {"prompt": "a", "watermark": "yes"}                             | watermark
            {"prompt": "a", "nsfw_checker": 1}                              | nsfw_checker
            {"prompt": "a", "enable_sequential": "true"}                    | enable_sequential
            {"prompt": "a", "thinking_mode": "on"}                          | thinking_mode
            {"prompt": "a", "input_urls": []}                               | input.input_urls
            {"prompt": "a", "input_urls": "https://example.com/a.png"}      | input.input_urls
            {"prompt": "a", "img_urls": [1]}                                | input.img_urls[0]
            {"prompt": "a", "input_urls": ["a","b","c","d","e","f","g","h","i","j"]} | input.input_urls
            {"prompt": "a", "input_urls": ["x"], "img_urls": ["y"]}         | input.img_urls
            {"prompt": "a", "input_urls": ["x"], "aspect_ratio": "1:1"}     | input.aspect_ratio
            {"prompt": "a", "input_urls": ["x"], "resolution": "4K"}        | input.resolution
            {"prompt": "a", "enable_sequential": true, "resolution": "4K"}  | input.resolution
            {"prompt": "a", "input_urls": ["x"], "thinking_mode": true}     | input.thinking_mode
            {"prompt": "a", "enable_sequential": true, "thinking_mode": true} | input.thinking_mode
            {"prompt": "a", "color_palette": [{"hex": "#FF0000", "ratio": 0.5}, {"hex": "#00FF00", "ratio": 0.5}]} | input.color_palette
            {"prompt": "a", "color_palette": [{"hex": "red", "ratio": 0.2}, {"hex": "#00FF00", "ratio": 0.4}, {"hex": "#0000FF", "ratio": 0.4}]} | input.color_palette[0].hex
            {"prompt": "a", "color_palette": [{"hex": "#FF0000"}, {"hex": "#00FF00", "ratio": 0.4}, {"hex": "#0000FF", "ratio": 0.4}]} | input.color_palette[0].ratio
            {"prompt": "a", "bbox_list": [[[0, 0, 10, 10]]]}                | input.bbox_list
            {"prompt": "a", "input_urls": ["x"], "bbox_list": [[[0, 0, 10, 10]], [[0, 0, 5, 5]]]} | input.bbox_list
            {"prompt": "a", "input_urls": ["x"], "bbox_list": [[[10, 0, 0, 10]]]} | input.bbox_list[0][0]
            """)
    void aBrokenRuleIs422NamingTheField(String input, String field) {
        HttpResponse<String> refused = crun.post(CrunClient.body(input));

        assertThat(refused.statusCode()).as("errors ride in HTTP 200 by default").isEqualTo(200);
        JsonNode body = SimClient.json(refused);
        assertThat(body.get("code").asInt()).isEqualTo(422);
        assertThat(body.get("message").asText()).contains(field);
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(sim.jobs()).as("nothing created").isEmpty();
        assertThat(sim.credits()).as("nothing billed").isEqualTo(10_000);
    }

    @Reference(source = "segmind-api.md", quote = "`prompt` (≤ 5000 chars)")
    @Test
    void thePromptIsAtMost5000Characters() {
        String longest = "a".repeat(4999) + "\uD83E\uDD8A";
        assertThat(code(CrunClient.body("{\"prompt\": \"" + longest + "\"}"))).as("5000 characters, one outside the BMP")
                .isEqualTo(200);

        JsonNode refused = SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"" + "a".repeat(5001) + "\"}")));
        assertThat(refused.get("code").asInt()).isEqualTo(422);
        assertThat(refused.get("message").asText()).contains("input.prompt").contains("5000").contains("5001");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"prompt\": \"a\", \"resolution\": \"4K\", \"thinking_mode\": true, \"aspect_ratio\": \"21:9\", \"n\": 4, \"seed\": 2147483647, \"watermark\": true, \"nsfw_checker\": false}",
        "{\"prompt\": \"a\", \"enable_sequential\": true, \"n\": 12, \"resolution\": \"2K\", \"aspect_ratio\": \"1:8\", \"thinking_mode\": false}",
        "{\"prompt\": \"a\", \"input_urls\": [\"https://example.com/1.png\", \"https://example.com/2.png\"], \"bbox_list\": [[[0, 0, 100, 80], [5, 5, 9, 9]], []], \"n\": 2}",
        "{\"prompt\": \"a\", \"img_urls\": [\"https://example.com/1.png\"], \"resolution\": \"2K\", \"enable_sequential\": true, \"n\": 6}",
        "{\"prompt\": \"a\", \"color_palette\": [{\"hex\": \"#FF0000\", \"ratio\": 0.2}, {\"hex\": \"#00ff00\", \"ratio\": \"30%\"}, {\"hex\": \"#0000FF\", \"ratio\": 0.5}], \"something_new\": 1}",
        "{\"prompt\": \"a\", \"aspect_ratio\": null, \"input_urls\": null, \"seed\": 0}"
    })
    void documentedCombinationsAreAccepted(String input) {
        assertThat(code(CrunClient.body(input))).isEqualTo(200);
    }

    @Reference(source = "segmind-api.md", quote = "`input_urls` (1–9 image URLs; their presence means edit/multi-image mode; crun's other models call this `img_urls`)")
    @Test
    void inputImagesComeUnderEitherNameAndTheAcceptedNamesAreASetting() {
        assertThat(sim.crun().imageFields()).containsExactly("input_urls", "img_urls");
        assertThat(code(CrunClient.body("{\"prompt\": \"a\", \"img_urls\": " + IMAGES + ", \"resolution\": \"4K\"}")))
                .as("img_urls is edit mode: no 4K").isEqualTo(422);

        sim.crun().imageFields("img_urls");
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\", \"input_urls\": " + IMAGES
                + ", \"resolution\": \"4K\"}"));
        assertThat(sim.job(id).orElseThrow().payload()).as("an unknown field is ignored, so this is text-to-image")
                .containsKey("input_urls");
        assertThat(code(CrunClient.body("{\"prompt\": \"a\", \"img_urls\": " + IMAGES + ", \"resolution\": \"4K\"}")))
                .isEqualTo(422);
    }

    @Test
    void theRequestItselfMustBeWellFormed() {
        assertThat(message("not json")).contains("JSON object");
        assertThat(message("[1]")).contains("JSON object");
        assertThat(message("{\"input\": {\"prompt\": \"a\"}}")).contains("model");
        assertThat(message("{\"model\": \"" + Crun.MODEL + "\"}")).contains("input");
        assertThat(message("{\"model\": \"" + Crun.MODEL + "\", \"input\": \"a fox\"}")).contains("input");
        assertThat(message("{\"model\": \"" + Crun.MODEL + "\", \"callback_url\": \"ftp://127.0.0.1/x\", \"input\": {\"prompt\": \"a\"}}"))
                .contains("callback_url");
        assertThat(message("{\"model\": \"" + Crun.MODEL + "\", \"callback_url\": 5, \"input\": {\"prompt\": \"a\"}}"))
                .contains("callback_url");
        HttpResponse<String> text = crun.http.send(crun.http.request(CrunClient.CREATE).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(CrunClient.body("{\"prompt\": \"a\"}"))).build());
        assertThat(SimClient.json(text).get("code").asInt()).isEqualTo(422);
        assertThat(SimClient.json(text).get("message").asText()).contains("Content-Type");
    }

    @Test
    void anUnknownModelIs404() {
        JsonNode refused = SimClient.json(crun.post("{\"model\": \"wan/2-6-image\", \"input\": {\"prompt\": \"a\"}}"));

        assertThat(refused.get("code").asInt()).isEqualTo(404);
        assertThat(refused.get("message").asText()).contains("wan/2-6-image");
        sim.crun().model().notFound();
        assertThat(code(CrunClient.body("{\"prompt\": \"a\"}"))).isEqualTo(404);
    }

    private int code(String body) {
        return SimClient.json(crun.post(body)).get("code").asInt();
    }

    private String message(String body) {
        JsonNode answer = SimClient.json(crun.post(body));
        assertThat(answer.get("code").asInt()).as(body).isEqualTo(422);
        return answer.get("message").asText();
    }
}
