package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue: the four seed models with their documented defaults, 404 for other slugs until a test registers them. */
class ModelCatalogTest {

    /** One simulator for the class, reset after every test. */
    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().timeFactor(0.001).build();

    SegmindSimulator sim;
    SimClient client;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        client = new SimClient(sim);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "404\n\nNot Found\n\nModel or endpoint not found")
    @Reference(source = "segmind-api.md", quote = "| 404 | unknown model, or unknown/expired request id |")
    @Test
    void aSlugOutsideTheCatalogueIs404OnBothRoutes() {
        for (String path : new String[] {"/v2/flux-dev", "/v1/flux-dev"}) {
            HttpResponse<String> response = client.post(path, "{\"prompt\":\"x\"}");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(SimClient.json(response).get("error").asText()).contains("flux-dev");
        }
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.credits()).as("nothing billed").isEqualTo(10_000);
    }

    @Test
    void theSeedModelsAreThereFromTheStart() {
        assertThat(sim.models()).extracting(ModelProfile::slug)
                .containsExactly("wan2.1-i2v-720p", "wan2.7-i2v", "wan2.7-image-pro", "wan2.7-r2v");
        assertThat(sim.model("wan2.7-image-pro").parameters()).extracting(ModelParameter::name)
                .containsExactly("prompt", "image", "negative_prompt", "seed", "size", "watermark");
    }

    @Test
    void aRegisteredModelIsServedWithTheParametersGivenToIt() {
        sim.model("my-upscaler").parameter(ModelParameter.uri("image").required())
                .parameter(ModelParameter.integer("scale").range(2, 4).defaultValue(2));

        HttpResponse<String> missing = client.post("/v2/my-upscaler", "{\"scale\":3}");
        HttpResponse<String> outOfRange = client.post("/v2/my-upscaler", "{\"image\":\"https://x/y.png\",\"scale\":8}");
        String ok = client.submit("my-upscaler", "{\"image\":\"https://x/y.png\",\"extra\":true}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(missing).get("error").asText()).contains("'image'");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(SimClient.json(outOfRange).get("error").asText()).contains("'scale'").contains("2 and 4");
        assertThat(sim.job(ok).orElseThrow().parameters())
                .containsEntry("scale", 2).containsEntry("extra", true);
        assertThat(sim.models()).extracting(ModelProfile::slug).contains("my-upscaler");
    }

    @Test
    void resetForgetsRegisteredModelsAndRestoresTheSeedProfiles() {
        sim.model("my-model");
        sim.model("wan2.7-i2v").renderTime(java.time.Duration.ofSeconds(1)).failWith("nope");

        sim.reset();

        assertThat(client.post("/v2/my-model", "{}").statusCode()).isEqualTo(404);
        assertThat(sim.model("wan2.7-i2v").renderTime()).isEqualTo(java.time.Duration.ofMillis(137_700));
        assertThat(sim.model("wan2.7-i2v").failure()).isNull();
    }

    @Test
    void acceptUnknownModelsServesAnySlug() {
        try (SegmindSimulator open = SegmindSimulator.builder().acceptUnknownModels(true).timeFactor(0.001).build()
                .start()) {
            SimClient openClient = new SimClient(open);
            String id = openClient.submit("anything-at-all", "{\"prompt\":\"x\"}");
            assertThat(open.job(id).orElseThrow().model()).isEqualTo("anything-at-all");
        }
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Default: \"2K\"")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Default: 42")
    @Test
    void imageProAppliesItsDocumentedDefaults() {
        String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"a\",\"seed\":null}");

        assertThat(sim.job(id).orElseThrow().parameters()).containsAllEntriesOf(Map.of("size", "2K", "seed", 42,
                "watermark", false, "negative_prompt", "blurry, low quality, distorted, watermark, text"));
        assertThat(sim.job(id).orElseThrow().payload()).as("the request as sent").doesNotContainKey("size");
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "promptrequired\nstring")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Default: \"A breathtaking aerial view")
    @Test
    void aRequiredPromptLeftOutTakesThePagesDefaultLikeWan21sRequiredSettings() {
        String id = client.submit("wan2.7-image-pro", "{\"size\":\"1K\"}");

        assertThat(sim.job(id).orElseThrow().parameters().get("prompt")).asString().startsWith("A breathtaking aerial view");
        assertThat(client.post("/v2/wan2.7-image-pro", "{\"prompt\":\"\"}").statusCode()).as("but never blank")
                .isEqualTo(400);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Default: \"720P\"")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Video length in seconds, 2-15. Shorter for previews.\n\nDefault: 5")
    @Reference(source = "segmind-wan2.7-r2v.txt", quote = "Video length in seconds, 2-15. Shorter for clips.\n5")
    @Test
    void theWan27VideoModelsApplyTheirDocumentedDefaults() {
        String i2v = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        String r2v = client.submit("wan2.7-r2v", "{\"prompt\":\"a\"}");

        assertThat(sim.job(i2v).orElseThrow().parameters()).containsEntry("resolution", "720P").containsEntry("duration", 5)
                .doesNotContainKey("seed");
        assertThat(sim.job(r2v).orElseThrow().parameters()).containsEntry("resolution", "720P").containsEntry("duration", 5)
                .containsEntry("seed", 42);
    }

    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "resolutionrequired\ninteger")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Default: 720")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Default: 3Range: 1 - 5")
    @Test
    void wan21MarksResolutionAndLengthRequiredYetDefaultsThem() {
        String id = client.submit("wan2.1-i2v-720p", "{\"prompt\":\"a\",\"image\":\"https://x/y.png\"}");

        assertThat(sim.job(id).orElseThrow().parameters()).containsEntry("resolution", 720)
                .containsEntry("video_length", 3).containsEntry("steps", 30);
    }
}
