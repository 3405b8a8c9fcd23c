package dev.camelsegmind.component.model;

import static dev.camelsegmind.component.model.ParameterType.BOOLEAN;
import static dev.camelsegmind.component.model.ParameterType.INTEGER;
import static dev.camelsegmind.component.model.ParameterType.STRING;
import static dev.camelsegmind.component.model.ParameterType.URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private static ModelSpec model(String slug) {
        return ModelCatalog.find(slug).orElseThrow();
    }

    @Test
    void holdsExactlyTheFourSeedModels() {
        assertThat(ModelCatalog.all()).extracting(ModelSpec::slug)
                .containsExactly("wan2.7-image-pro", "wan2.7-i2v", "wan2.7-r2v", "wan2.1-i2v-720p");
        assertThat(ModelCatalog.find("flux-schnell")).isEmpty();
        assertThat(ModelCatalog.find(null)).isEmpty();
        assertThat(ModelCatalog.find("WAN2.7-I2V")).isEmpty();
    }

    @Test
    void wan27ImageProParametersMatchItsPage() {
        assertThat(model("wan2.7-image-pro").parameters())
                .extracting(ParameterSpec::name, ParameterSpec::type, ParameterSpec::required, ParameterSpec::allowed,
                        ParameterSpec::min, ParameterSpec::max)
                .containsExactly(
                        tuple("prompt", STRING, true, List.of(), null, null),
                        tuple("image", URI, false, List.of(), null, null),
                        tuple("negative_prompt", STRING, false, List.of(), null, null),
                        tuple("seed", INTEGER, false, List.of(), 0L, 2147483647L),
                        tuple("size", STRING, false, List.of("1K", "2K", "4K"), null, null),
                        tuple("watermark", BOOLEAN, false, List.of(), null, null));
    }

    @Test
    void wan27ImageToVideoParametersMatchItsPage() {
        assertThat(model("wan2.7-i2v").parameters())
                .extracting(ParameterSpec::name, ParameterSpec::type, ParameterSpec::required, ParameterSpec::allowed,
                        ParameterSpec::min, ParameterSpec::max)
                .containsExactly(
                        tuple("prompt", STRING, true, List.of(), null, null),
                        tuple("audio_url", URI, false, List.of(), null, null),
                        tuple("duration", INTEGER, false, List.of(), 2L, 15L),
                        tuple("image", URI, false, List.of(), null, null),
                        tuple("last_frame", URI, false, List.of(), null, null),
                        tuple("negative_prompt", STRING, false, List.of(), null, null),
                        tuple("resolution", STRING, false, List.of("720P", "1080P"), null, null),
                        tuple("seed", INTEGER, false, List.of(), 0L, 2147483647L));
    }

    @Test
    void wan27ReferenceToVideoParametersMatchItsPage() {
        assertThat(model("wan2.7-r2v").parameters())
                .extracting(ParameterSpec::name, ParameterSpec::type, ParameterSpec::required, ParameterSpec::allowed,
                        ParameterSpec::min, ParameterSpec::max)
                .containsExactly(
                        tuple("prompt", STRING, true, List.of(), null, null),
                        tuple("duration", INTEGER, false, List.of(), 2L, 15L),
                        tuple("negative_prompt", STRING, false, List.of(), null, null),
                        tuple("reference_images", URI, false, List.of(), null, null),
                        tuple("reference_videos", URI, false, List.of(), null, null),
                        tuple("reference_voice", URI, false, List.of(), null, null),
                        tuple("resolution", STRING, false, List.of("720P", "1080P"), null, null),
                        tuple("seed", INTEGER, false, List.of(), 0L, 2147483647L));
    }

    @Test
    void wan21ImageToVideoParametersMatchItsPage() {
        assertThat(model("wan2.1-i2v-720p").parameters())
                .extracting(ParameterSpec::name, ParameterSpec::type, ParameterSpec::required, ParameterSpec::allowed,
                        ParameterSpec::min, ParameterSpec::max)
                .containsExactly(
                        tuple("image", URI, true, List.of(), null, null),
                        tuple("prompt", STRING, true, List.of(), null, null),
                        tuple("resolution", INTEGER, false, List.of("720", "960", "1024"), null, null),
                        tuple("video_length", INTEGER, false, List.of(), 1L, 5L),
                        tuple("base64", BOOLEAN, false, List.of(), null, null),
                        tuple("negative_prompt", STRING, false, List.of(), null, null),
                        tuple("seed", INTEGER, false, List.of(), 0L, 2147483647L),
                        tuple("steps", INTEGER, false, List.of(), 10L, 70L));
    }

    @Test
    void promptsAreCappedAtTheNamedLimit() {
        for (ModelSpec spec : ModelCatalog.all()) {
            assertThat(spec.parameter("prompt").orElseThrow().maxLength()).isEqualTo(100_000);
            assertThat(spec.parameter("negative_prompt").orElseThrow().maxLength())
                    .isEqualTo(ModelCatalog.MAX_PROMPT_LENGTH);
        }
    }

    @Test
    void timingFollowsThePagesAndTheClientGuidance() {
        assertThat(model("wan2.7-image-pro"))
                .returns(MediaKind.IMAGE, ModelSpec::kind)
                .returns(Duration.ofMillis(33_380), ModelSpec::typicalDuration)
                .returns(Duration.ofSeconds(1), ModelSpec::recommendedPollInterval)
                .returns(Duration.ofSeconds(600), ModelSpec::recommendedTimeout);
        assertThat(model("wan2.7-i2v"))
                .returns(MediaKind.VIDEO, ModelSpec::kind)
                .returns(Duration.ofMillis(137_700), ModelSpec::typicalDuration)
                .returns(Duration.ofSeconds(2), ModelSpec::recommendedPollInterval)
                .returns(Duration.ofSeconds(900), ModelSpec::recommendedTimeout);
        assertThat(model("wan2.7-r2v"))
                .returns(MediaKind.VIDEO, ModelSpec::kind)
                .returns(Duration.ofSeconds(140), ModelSpec::typicalDuration)
                .returns(Duration.ofSeconds(2), ModelSpec::recommendedPollInterval)
                .returns(Duration.ofSeconds(900), ModelSpec::recommendedTimeout);
        assertThat(model("wan2.1-i2v-720p"))
                .returns(MediaKind.VIDEO, ModelSpec::kind)
                .returns(Duration.ofMillis(148_590), ModelSpec::typicalDuration)
                .returns(Duration.ofSeconds(2), ModelSpec::recommendedPollInterval)
                .returns(Duration.ofSeconds(900), ModelSpec::recommendedTimeout);
    }

    @Test
    void bodyInputsGoToTheDocumentedParameters() {
        assertThat(model("wan2.7-image-pro"))
                .returns("image", ModelSpec::imageInputParameter)
                .returns(null, ModelSpec::audioInputParameter)
                .returns(null, ModelSpec::videoInputParameter);
        assertThat(model("wan2.7-i2v"))
                .returns("image", ModelSpec::imageInputParameter)
                .returns("audio_url", ModelSpec::audioInputParameter)
                .returns(null, ModelSpec::videoInputParameter);
        assertThat(model("wan2.7-r2v"))
                .returns("reference_images", ModelSpec::imageInputParameter)
                .returns("reference_voice", ModelSpec::audioInputParameter)
                .returns("reference_videos", ModelSpec::videoInputParameter);
        assertThat(model("wan2.1-i2v-720p"))
                .returns("image", ModelSpec::imageInputParameter)
                .returns(null, ModelSpec::audioInputParameter)
                .returns(null, ModelSpec::videoInputParameter);
    }

    @Test
    void examplesAreThePagesPayloadsInOrder() {
        assertThat(model("wan2.7-image-pro").example()).containsExactly(
                Map.entry("prompt", "A breathtaking aerial view of a futuristic city at golden hour, towering glass"
                        + " skyscrapers with lush vertical gardens, flying vehicles, cinematic lighting,"
                        + " ultra-detailed, photorealistic"),
                Map.entry("negative_prompt", "blurry, low quality, distorted, watermark, text"),
                Map.entry("size", "2K"),
                Map.entry("seed", 42),
                Map.entry("watermark", false));
        assertThat(model("wan2.7-i2v").example()).containsExactly(
                Map.entry("prompt", "A gentle breeze moves across the serene lakeside at golden hour, ripples"
                        + " shimmering on the glassy water, pine trees swaying softly, snow-capped mountain in the"
                        + " background, cinematic motion, 4K"),
                Map.entry("negative_prompt", "blur, distortion, artifacts, watermark, text"),
                Map.entry("resolution", "720P"),
                Map.entry("duration", 5));
        assertThat(model("wan2.7-r2v").example()).containsExactly(
                Map.entry("prompt", "Image1 walks through a lush green garden with blooming flowers, smiling warmly at"
                        + " the camera, golden hour lighting"),
                Map.entry("reference_images",
                        "https://segmind-resources.s3.amazonaws.com/input/wan2.7-r2v-ref-image.jpg"),
                Map.entry("negative_prompt", "blurry, low quality, distorted, watermark"),
                Map.entry("resolution", "720P"),
                Map.entry("duration", 5),
                Map.entry("seed", 42));
        Map<String, Object> wan21 = model("wan2.1-i2v-720p").example();
        assertThat(wan21.keySet()).containsExactly("prompt", "negative_prompt", "image", "seed", "video_length",
                "resolution", "steps", "base64");
        assertThat((String) wan21.get("prompt"))
                .startsWith("A young woman with light skin and wavy brown hair sits at a desk")
                .endsWith("capturing the energy of a podcast recording in progress.")
                .hasSize(884);
        assertThat(wan21).containsEntry("image", "https://segmind-resources.s3.amazonaws.com/input/"
                        + "209f6f09-7fc6-47c0-8b6e-128ae75db915-wan-720-ip.png")
                .containsEntry("seed", 63088745)
                .containsEntry("video_length", 3)
                .containsEntry("resolution", "720")
                .containsEntry("steps", 30)
                .containsEntry("base64", false);
    }

    @Test
    void exampleIsAFreshCopyEachTime() {
        ModelSpec spec = model("wan2.7-i2v");
        Map<String, Object> first = spec.example();
        first.put("prompt", "changed");
        first.remove("duration");
        assertThat(spec.example()).containsEntry("duration", 5).doesNotContainEntry("prompt", "changed");
    }

    @Test
    void typedParametersAreTheUnionInTheEndpointOrder() {
        assertThat(ModelCatalog.typedParameters())
                .extracting(ParameterSpec::option, ParameterSpec::name, ParameterSpec::header, ParameterSpec::type)
                .containsExactly(
                        tuple("prompt", "prompt", "CamelSegmindPrompt", STRING),
                        tuple("negativePrompt", "negative_prompt", "CamelSegmindNegativePrompt", STRING),
                        tuple("image", "image", "CamelSegmindImage", URI),
                        tuple("seed", "seed", "CamelSegmindSeed", INTEGER),
                        tuple("size", "size", "CamelSegmindSize", STRING),
                        tuple("watermark", "watermark", "CamelSegmindWatermark", BOOLEAN),
                        tuple("resolution", "resolution", "CamelSegmindResolution", STRING),
                        tuple("duration", "duration", "CamelSegmindDuration", INTEGER),
                        tuple("lastFrame", "last_frame", "CamelSegmindLastFrame", URI),
                        tuple("audioUrl", "audio_url", "CamelSegmindAudioUrl", URI),
                        tuple("referenceImages", "reference_images", "CamelSegmindReferenceImages", URI),
                        tuple("referenceVideos", "reference_videos", "CamelSegmindReferenceVideos", URI),
                        tuple("referenceVoice", "reference_voice", "CamelSegmindReferenceVoice", URI),
                        tuple("videoLength", "video_length", "CamelSegmindVideoLength", INTEGER),
                        tuple("steps", "steps", "CamelSegmindSteps", INTEGER),
                        tuple("base64", "base64", "CamelSegmindBase64", BOOLEAN));
    }

    @Test
    void everyModelParameterHasATypedOptionWithTheSameHeader() {
        List<String> headers = ModelCatalog.typedParameters().stream().map(ParameterSpec::header).toList();
        for (ModelSpec spec : ModelCatalog.all()) {
            for (ParameterSpec p : spec.parameters()) {
                assertThat(headers).as(spec.slug() + " " + p.name()).contains(p.header());
            }
        }
    }

    @Test
    void optionAndHeaderNamesAreDerivedFromTheApiName() {
        assertThat(ParameterSpec.optionFor("negative_prompt")).isEqualTo("negativePrompt");
        assertThat(ParameterSpec.optionFor("reference_images")).isEqualTo("referenceImages");
        assertThat(ParameterSpec.optionFor("base64")).isEqualTo("base64");
        assertThat(ParameterSpec.headerFor("lastFrame")).isEqualTo("CamelSegmindLastFrame");
        assertThat(ParameterSpec.headerFor("base64")).isEqualTo("CamelSegmindBase64");
        ParameterSpec spec = ParameterSpec.of("video_length", INTEGER);
        assertThat(spec.option()).isEqualTo("videoLength");
        assertThat(spec.header()).isEqualTo("CamelSegmindVideoLength");
    }
}
