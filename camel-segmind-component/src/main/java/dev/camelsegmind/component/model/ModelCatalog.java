package dev.camelsegmind.component.model;

import static dev.camelsegmind.component.model.ParameterType.BOOLEAN;
import static dev.camelsegmind.component.model.ParameterType.INTEGER;
import static dev.camelsegmind.component.model.ParameterType.STRING;
import static dev.camelsegmind.component.model.ParameterType.URI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models whose pages the component was built against (the seed models). Their parameters are checked before a
 * request is sent; any other slug is forwarded untouched, because Segmind hosts hundreds of models and adds more.
 * Everything here mirrors the model pages; where a page is silent or contradicts itself the choice is noted.
 */
public final class ModelCatalog {

    /**
     * The pages state no prompt limit. This cap only catches mistakes such as a whole file read as the prompt, which
     * would otherwise be uploaded and billed before the model rejects it.
     */
    public static final int MAX_PROMPT_LENGTH = 100_000;

    private static final long SEED_MAX = 2_147_483_647L;

    private static final ParameterSpec PROMPT = ParameterSpec.of("prompt", STRING).asRequired()
            .withMaxLength(MAX_PROMPT_LENGTH);
    private static final ParameterSpec NEGATIVE_PROMPT = ParameterSpec.of("negative_prompt", STRING)
            .withMaxLength(MAX_PROMPT_LENGTH);
    private static final ParameterSpec SEED = ParameterSpec.of("seed", INTEGER).withRange(0, SEED_MAX);
    private static final ParameterSpec WAN27_RESOLUTION = ParameterSpec.of("resolution", STRING)
            .withAllowed("720P", "1080P");
    private static final ParameterSpec WAN27_DURATION = ParameterSpec.of("duration", INTEGER).withRange(2, 15);

    private static final Map<String, ModelSpec> MODELS = index(
            wan27ImagePro(), wan27ImageToVideo(), wan27ReferenceToVideo(), wan21ImageToVideo720p());

    /** The options shared by all models, in the order the endpoint documents them. */
    private static final List<String> TYPED_OPTIONS = List.of(
            "prompt", "negativePrompt", "image", "seed", "size", "watermark", "resolution", "duration", "lastFrame",
            "audioUrl", "referenceImages", "referenceVideos", "referenceVoice", "videoLength", "steps", "base64");

    private static final List<ParameterSpec> TYPED_PARAMETERS = unionOfParameters();

    private ModelCatalog() {
    }

    public static Optional<ModelSpec> find(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(MODELS.get(slug));
    }

    public static Collection<ModelSpec> all() {
        return MODELS.values();
    }

    /**
     * Every parameter that has its own endpoint option and header, across all seed models. Required flags, allowed
     * values and ranges differ between models (resolution is "720P" on Wan 2.7 but 720 on Wan 2.1), so these specs
     * carry only the mapping and the type of the first model that declares them; checking is per model, in
     * {@link PayloadValidator}.
     */
    public static List<ParameterSpec> typedParameters() {
        return TYPED_PARAMETERS;
    }

    private static ModelSpec wan27ImagePro() {
        return new ModelSpec("wan2.7-image-pro", MediaKind.IMAGE, Duration.ofMillis(33_380),
                List.of(PROMPT,
                        ParameterSpec.of("image", URI),
                        NEGATIVE_PROMPT,
                        SEED,
                        ParameterSpec.of("size", STRING).withAllowed("1K", "2K", "4K"),
                        ParameterSpec.of("watermark", BOOLEAN)),
                "image", null, null,
                example("prompt", "A breathtaking aerial view of a futuristic city at golden hour, towering glass"
                                + " skyscrapers with lush vertical gardens, flying vehicles, cinematic lighting,"
                                + " ultra-detailed, photorealistic",
                        "negative_prompt", "blurry, low quality, distorted, watermark, text",
                        "size", "2K",
                        "seed", 42,
                        "watermark", false),
                // the page: 1K for previews, 4K for print; it offers no count, one image a request
                example("size", "2K"));
    }

    private static ModelSpec wan27ImageToVideo() {
        return new ModelSpec("wan2.7-i2v", MediaKind.VIDEO, Duration.ofMillis(137_700),
                List.of(PROMPT,
                        ParameterSpec.of("audio_url", URI),
                        WAN27_DURATION,
                        ParameterSpec.of("image", URI),
                        ParameterSpec.of("last_frame", URI),
                        NEGATIVE_PROMPT,
                        WAN27_RESOLUTION,
                        SEED),
                "image", "audio_url", null,
                example("prompt", "A gentle breeze moves across the serene lakeside at golden hour, ripples"
                                + " shimmering on the glassy water, pine trees swaying softly, snow-capped mountain"
                                + " in the background, cinematic motion, 4K",
                        "negative_prompt", "blur, distortion, artifacts, watermark, text",
                        "resolution", "720P",
                        "duration", 5),
                // the page quotes ~138 s for its example (5 s at 720P); it offers up to 15 s and says 720P is faster
                example("duration", 5, "resolution", "720P"));
    }

    // The page quotes no typical duration; it is assumed to run like wan2.7-i2v.
    private static ModelSpec wan27ReferenceToVideo() {
        return new ModelSpec("wan2.7-r2v", MediaKind.VIDEO, Duration.ofSeconds(140),
                List.of(PROMPT,
                        WAN27_DURATION,
                        NEGATIVE_PROMPT,
                        ParameterSpec.of("reference_images", URI),
                        ParameterSpec.of("reference_videos", URI),
                        ParameterSpec.of("reference_voice", URI),
                        WAN27_RESOLUTION,
                        SEED),
                "reference_images", "reference_voice", "reference_videos",
                example("prompt", "Image1 walks through a lush green garden with blooming flowers, smiling warmly"
                                + " at the camera, golden hour lighting",
                        "reference_images", "https://segmind-resources.s3.amazonaws.com/input/wan2.7-r2v-ref-image.jpg",
                        "negative_prompt", "blurry, low quality, distorted, watermark",
                        "resolution", "720P",
                        "duration", 5,
                        "seed", 42),
                example("duration", 5, "resolution", "720P"));
    }

    // The page marks resolution and video_length required yet gives both a default (720, 3); the default applies
    // when they are left out, so they are optional here. The seed range is not stated; the usual 32-bit one is used.
    private static ModelSpec wan21ImageToVideo720p() {
        return new ModelSpec("wan2.1-i2v-720p", MediaKind.VIDEO, Duration.ofMillis(148_590),
                List.of(ParameterSpec.of("image", URI).asRequired(),
                        PROMPT,
                        ParameterSpec.of("resolution", INTEGER).withAllowed("720", "960", "1024"),
                        ParameterSpec.of("video_length", INTEGER).withRange(1, 5),
                        ParameterSpec.of("base64", BOOLEAN),
                        NEGATIVE_PROMPT,
                        SEED,
                        ParameterSpec.of("steps", INTEGER).withRange(10, 70)),
                "image", null, null,
                example("prompt", "A young woman with light skin and wavy brown hair sits at a desk in a modern"
                                + " podcast studio, wearing over-ear headphones and speaking into a sleek black"
                                + " microphone. She is dressed casually in a fitted blazer and a neutral-toned shirt,"
                                + " exuding confidence and professionalism. The studio is warmly lit, with soft"
                                + " overhead lighting and accent lights creating a cozy ambiance. In the background,"
                                + " a soundproofed wall with stylish acoustic panels is visible, along with a small"
                                + " shelf holding books and a potted plant. A laptop sits on the desk in front of"
                                + " her, alongside a cup of coffee and a notebook with scribbled notes. The camera"
                                + " angle is a medium close-up, focused on her upper body and face as she engages in"
                                + " a lively conversation, her expressive hands occasionally gesturing while she"
                                + " speaks. The scene is vibrant and modern, capturing the energy of a podcast"
                                + " recording in progress.",
                        "negative_prompt", "blurry, bad quality, camera shake, distortion, poor composition, low"
                                + " resolution, artifact, watermark",
                        "image", "https://segmind-resources.s3.amazonaws.com/input/"
                                + "209f6f09-7fc6-47c0-8b6e-128ae75db915-wan-720-ip.png",
                        "seed", 63088745,
                        "video_length", 3,
                        "resolution", "720",
                        "steps", 30,
                        "base64", false),
                // a diffusion model's work grows with its frames, their size and its denoising steps
                example("resolution", 720, "video_length", 3, "steps", 30));
    }

    /** Pairs of keys and values, in order; also the timing parameters with their page defaults. */
    private static Map<String, Object> example(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, ModelSpec> index(ModelSpec... specs) {
        Map<String, ModelSpec> map = new LinkedHashMap<>();
        for (ModelSpec spec : specs) {
            map.put(spec.slug(), spec);
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<ParameterSpec> unionOfParameters() {
        List<ParameterSpec> union = new ArrayList<>();
        for (String option : TYPED_OPTIONS) {
            ParameterSpec first = MODELS.values().stream()
                    .flatMap(m -> m.parameters().stream())
                    .filter(p -> p.option().equals(option))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed model declares option " + option));
            union.add(ParameterSpec.of(first.name(), first.type()));
        }
        return List.copyOf(union);
    }
}
