package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;


import org.junit.jupiter.api.Test;

class OutputShapeTest extends FastSimulatorTestSupport {

    private JsonNode resultFor(String slug, OutputShape shape, int outputs) {
        sim.model(slug).outputShape(shape).outputs(outputs);
        String id = client.submit(slug, "{\"prompt\":\"p\",\"image\":\"https://x/y.png\"}");
        client.awaitFinal(id);
        return SimClient.json(client.get("/v2/requests/" + id));
    }

    @Reference(source = "segmind-api.md", quote = "`output` is always present. For image and video models it is usually one media URL string")
    @Test
    void urlStringIsTheFirstUrl() {
        JsonNode result = resultFor("flux", OutputShape.URL_STRING, 3);

        assertThat(result.get("output").isTextual()).isTrue();
        assertThat(result.get("output").asText()).endsWith("-0.png");
    }

    @Reference(source = "segmind-api.md", quote = "it may also be a list of\n     URLs")
    @Test
    void urlListListsEveryOutput() {
        JsonNode output = resultFor("flux", OutputShape.URL_LIST, 3).get("output");

        assertThat(output.isArray()).isTrue();
        assertThat(output).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(output.get(i).asText()).endsWith("-" + i + ".png");
            assertThat(client.bytes(output.get(i).asText()).statusCode()).isEqualTo(200);
        }
    }

    @Reference(source = "segmind-api.md", quote = "a JSON object")
    @Test
    void objectIsOneObjectOrAListOfThem() {
        JsonNode single = resultFor("flux", OutputShape.OBJECT, 1).get("output");
        assertThat(single.isObject()).isTrue();
        assertThat(single.get("url").asText()).endsWith(".png");
        assertThat(single.get("content_type").asText()).isEqualTo("image/png");

        JsonNode several = resultFor("flux", OutputShape.OBJECT, 2).get("output");
        assertThat(several.isArray()).isTrue();
        assertThat(several.get(1).get("url").asText()).endsWith("-1.png");
    }

    @Reference(source = "segmind-api.md", quote = "some models add `images: [...]`")
    @Test
    void imagesFieldAddsTheFullList() {
        JsonNode result = resultFor("flux", OutputShape.IMAGES_FIELD, 2);

        assertThat(result.get("output").asText()).endsWith("-0.png");
        assertThat(result.get("images")).hasSize(2);
        assertThat(result.get("images").get(1).asText()).endsWith("-1.png");
    }

    @Reference(source = "segmind-api.md", quote = "`video: {url, content_type, file_name, file_size, last_frame_url}`")
    @Test
    void videoFieldDescribesTheFileAndALastFrame() {
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(100_000);
        JsonNode result = resultFor("wan2.7-i2v", OutputShape.VIDEO_FIELD, 1);

        JsonNode video = result.get("video");
        assertThat(result.get("output").asText()).isEqualTo(video.get("url").asText());
        assertThat(video.get("content_type").asText()).isEqualTo("video/mp4");
        assertThat(video.get("file_name").asText()).endsWith("-0.mp4");
        assertThat(video.get("file_size").asLong()).isEqualTo(100_000);
        assertThat(client.bytes(video.get("url").asText()).body()).hasSize(100_000);
        var lastFrame = client.bytes(video.get("last_frame_url").asText());
        assertThat(lastFrame.statusCode()).isEqualTo(200);
        assertThat(lastFrame.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Reference(source = "segmind-api.md", quote = "(for LLMs) JSON encoded as a string")
    @Test
    void jsonStringEncodesTheUrlList() throws Exception {
        JsonNode output = resultFor("flux", OutputShape.JSON_STRING, 2).get("output");

        assertThat(output.isTextual()).isTrue();
        JsonNode decoded = SimClient.JSON.readTree(output.asText());
        assertThat(decoded.isArray()).isTrue();
        assertThat(decoded).hasSize(2);
    }

    @Test
    void jpegModelServesARealJpeg() {
        sim.model("flux").mediaType("image/jpeg");
        String url = resultFor("flux", OutputShape.URL_STRING, 1).get("output").asText();

        var media = client.bytes(url);
        assertThat(url).endsWith(".jpg");
        assertThat(media.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(media.body()[0]).isEqualTo((byte) 0xFF);
        assertThat(media.body()[1]).isEqualTo((byte) 0xD8);
    }

    @Test
    void everyOutputOfAnImageSetDecodes() throws Exception {
        JsonNode output = resultFor("flux", OutputShape.URL_LIST, 8).get("output");

        for (JsonNode url : output) {
            byte[] png = client.bytes(url.asText()).body();
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))).isNotNull();
        }
    }

    @Test
    void wrongIndexOrExtensionIs404() {
        String url = resultFor("flux", OutputShape.URL_STRING, 1).get("output").asText();

        assertThat(client.get(url.replace("-0.png", "-1.png")).statusCode()).isEqualTo(404);
        assertThat(client.get(url.replace("-0.png", "-0.jpg")).statusCode()).isEqualTo(404);
        assertThat(client.get("/media/nonsense.png").statusCode()).isEqualTo(404);
    }
}
