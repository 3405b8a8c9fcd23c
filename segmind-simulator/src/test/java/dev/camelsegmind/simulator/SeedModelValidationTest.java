package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The constraints on the seed model pages, one edge per row: {@code slug | body | expected status | parameter named}. */
class SeedModelValidationTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.01).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "\"1K\"\"2K\"\"4K\"")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Range: 0-2147483647.")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "promptrequired\nstring")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "\"720P\"\"1080P\"")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Video length in seconds, 2-15.")
    @Reference(source = "segmind-wan2.7-r2v.txt", quote = "promptrequiredstring")
    @Reference(source = "segmind-wan2.7-r2v.txt", quote = "\"720P\"\"720P\"\"1080P\"")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "imagerequired\nstring (uri)")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "7209601024")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Default: 30Range: 10 - 70")
    @Reference(source = "segmind-api.md", quote = "| 400 | bad request body or parameters |")
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            wan2.7-image-pro | {"prompt":"a"}                                    | 200 |
            wan2.7-image-pro | {}                                                | 200 |
            wan2.7-image-pro | {"prompt":null}                                   | 200 |
            wan2.7-image-pro | {"prompt":"  "}                                   | 400 | prompt
            wan2.7-image-pro | {"prompt":42}                                     | 400 | prompt
            wan2.7-image-pro | {"prompt":"a","size":"1K"}                        | 200 |
            wan2.7-image-pro | {"prompt":"a","size":"4K"}                        | 200 |
            wan2.7-image-pro | {"prompt":"a","size":"8K"}                        | 400 | size
            wan2.7-image-pro | {"prompt":"a","size":"2k"}                        | 400 | size
            wan2.7-image-pro | {"prompt":"a","seed":0}                           | 200 |
            wan2.7-image-pro | {"prompt":"a","seed":2147483647}                  | 200 |
            wan2.7-image-pro | {"prompt":"a","seed":2147483648}                  | 400 | seed
            wan2.7-image-pro | {"prompt":"a","seed":-1}                          | 400 | seed
            wan2.7-image-pro | {"prompt":"a","seed":"42"}                        | 400 | seed
            wan2.7-image-pro | {"prompt":"a","watermark":false}                  | 200 |
            wan2.7-image-pro | {"prompt":"a","watermark":"false"}                | 400 | watermark
            wan2.7-image-pro | {"prompt":"a","image":null,"negative_prompt":"x"} | 200 |
            wan2.7-i2v       | {"prompt":"a","resolution":"720P","duration":2}   | 200 |
            wan2.7-i2v       | {"prompt":"a","resolution":"1080P","duration":15} | 200 |
            wan2.7-i2v       | {"resolution":"720P"}                             | 200 |
            wan2.7-i2v       | {"prompt":""}                                     | 400 | prompt
            wan2.7-i2v       | {"prompt":"a","resolution":"4K"}                  | 400 | resolution
            wan2.7-i2v       | {"prompt":"a","duration":1}                       | 400 | duration
            wan2.7-i2v       | {"prompt":"a","duration":16}                      | 400 | duration
            wan2.7-i2v       | {"prompt":"a","duration":5.5}                     | 400 | duration
            wan2.7-i2v       | {"prompt":"a","seed":null}                        | 200 |
            wan2.7-i2v       | {"prompt":"a","seed":-5}                          | 200 |
            wan2.7-i2v       | {"prompt":"a","seed":"5"}                         | 400 | seed
            wan2.7-r2v       | {"prompt":"a","resolution":"1080P","duration":15} | 200 |
            wan2.7-r2v       | {"reference_images":"https://x/y.jpg"}            | 200 |
            wan2.7-r2v       | {"prompt":7}                                      | 400 | prompt
            wan2.7-r2v       | {"prompt":"a","resolution":"480P"}                | 400 | resolution
            wan2.7-r2v       | {"prompt":"a","duration":20}                      | 400 | duration
            wan2.1-i2v-720p  | {"prompt":"a","image":"https://x/y.png"}          | 200 |
            wan2.1-i2v-720p  | {"prompt":"a"}                                    | 400 | image
            wan2.1-i2v-720p  | {"image":"https://x/y.png"}                       | 400 | prompt
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","resolution":720}       | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","resolution":"960"}     | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","resolution":1024}      | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","resolution":1080}      | 400 | resolution
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","resolution":"720P"}    | 400 | resolution
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","video_length":1}       | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","video_length":5}       | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","video_length":0}       | 400 | video_length
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","video_length":6}       | 400 | video_length
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","steps":10}             | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","steps":70}             | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","steps":9}              | 400 | steps
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","steps":71}             | 400 | steps
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","base64":true}          | 200 |
            wan2.1-i2v-720p  | {"prompt":"a","image":"i","base64":"yes"}         | 400 | base64
            some-other-model | {"size":"whatever","duration":-3}                 | 404 |
            """)
    void submitValidatesLikeTheModelPage(String slug, String body, int expected, String parameter) {
        double creditsBefore = sim.credits();

        HttpResponse<String> response = client.post("/v2/" + slug, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 400) {
            assertThat(SimClient.json(response).get("error").asText()).contains("'" + parameter + "'");
            assertThat(sim.credits()).as("a rejected request is not billed").isEqualTo(creditsBefore);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            wan2.7-i2v      | {"prompt":"a","duration":99}
            wan2.1-i2v-720p | {"prompt":"a"}
            """)
    void syncValidatesTheSameWay(String slug, String body) {
        assertThat(client.post("/v1/" + slug, body).statusCode()).isEqualTo(400);
    }
}
