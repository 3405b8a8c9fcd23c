package dev.camelsegmind.simulator;

import static dev.camelsegmind.simulator.ModelParameter.bool;
import static dev.camelsegmind.simulator.ModelParameter.integer;
import static dev.camelsegmind.simulator.ModelParameter.string;
import static dev.camelsegmind.simulator.ModelParameter.uri;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The four models the project is built against, as their Segmind pages describe them: parameters
 * with types, allowed values, ranges, required flags and defaults; the typical compute time the
 * page shows; the kind of output. A test at time factor 1 therefore waits as long as a real user.
 * {@code SeedPageCatalogTest} reads the pages and fails when this catalogue departs from them.
 * Where a page marks a parameter required yet gives it a default (the Wan 2.7 prompts, Wan 2.1's
 * resolution and video length), the default applies when the parameter is left out; a range
 * appears only where the page states one (only wan2.7-image-pro states the seed's).
 */
final class SeedModels {

    static final String IMAGE_PRO = "wan2.7-image-pro";
    static final String I2V = "wan2.7-i2v";
    static final String R2V = "wan2.7-r2v";
    static final String I2V_720P = "wan2.1-i2v-720p";
    static final Set<String> SLUGS = Set.of(IMAGE_PRO, I2V, R2V, I2V_720P);

    private static final long MAX_SEED = 2_147_483_647L;
    /** Wan 2.7 renders at 24 frames a second, Wan 2.1 at 16. */
    private static final int WAN27_FPS = 24;
    private static final int WAN21_FPS = 16;

    private SeedModels() {
    }

    static boolean isSeed(String slug) {
        return SLUGS.contains(slug);
    }

    /** A fresh profile: a seed model as its page says, any other slug with generic image settings. */
    static ModelProfile profileFor(String slug) {
        switch (slug) {
            case IMAGE_PRO:
                return imagePro();
            case I2V:
                return i2v();
            case R2V:
                return r2v();
            case I2V_720P:
                return i2v720p();
            default:
                return new ModelProfile(slug, seconds(1), seconds(10), "image/png", 0.05, List.of(), null);
        }
    }

    private static ModelProfile imagePro() {
        return new ModelProfile(IMAGE_PRO, seconds(1), Duration.ofMillis(33_380), "image/png", 0.06, List.of(
                string("prompt").required().defaultValue("A breathtaking aerial view of a futuristic city at golden hour, "
                        + "towering glass skyscrapers with lush vertical gardens, flying vehicles, cinematic lighting, "
                        + "ultra-detailed, photorealistic"),
                uri("image"),
                string("negative_prompt").defaultValue("blurry, low quality, distorted, watermark, text"),
                integer("seed").range(0, MAX_SEED).defaultValue(42),
                string("size").oneOf("1K", "2K", "4K").defaultValue("2K"),
                bool("watermark").defaultValue(false)),
                p -> {
                    int side = switch (MediaGeometry.text(p, "size", "2K")) {
                        case "1K" -> 1024;
                        case "4K" -> 4096;
                        default -> 2048;
                    };
                    return MediaGeometry.image(side, side);
                });
    }

    private static ModelProfile i2v() {
        return new ModelProfile(I2V, seconds(2), Duration.ofMillis(137_700), "video/mp4", 0.5, List.of(
                string("prompt").required().defaultValue("A gentle breeze moves across the serene lakeside at golden "
                        + "hour, ripples shimmering on the glassy water, pine trees swaying softly, snow-capped mountain "
                        + "in the background, cinematic motion, 4K"),
                uri("audio_url"),
                integer("duration").range(2, 15).defaultValue(5),
                uri("image").defaultValue("https://segmind-resources.s3.amazonaws.com/input/wan27-i2v-input.png"),
                uri("last_frame"),
                string("negative_prompt").defaultValue("blur, distortion, artifacts, watermark, text"),
                string("resolution").oneOf("720P", "1080P").defaultValue("720P"),
                integer("seed")),
                SeedModels::wan27Video);
    }

    private static ModelProfile r2v() {
        return new ModelProfile(R2V, seconds(2), seconds(140), "video/mp4", 0.5, List.of(
                string("prompt").required().defaultValue("Image1 walks through a lush green garden with blooming "
                        + "flowers, smiling warmly at the camera, golden hour lighting"),
                integer("duration").range(2, 15).defaultValue(5),
                string("negative_prompt").defaultValue("blurry, low quality, distorted, watermark"),
                uri("reference_images")
                        .defaultValue("https://segmind-resources.s3.amazonaws.com/input/wan2.7-r2v-ref-image.jpg"),
                uri("reference_videos"),
                uri("reference_voice"),
                string("resolution").oneOf("720P", "1080P").defaultValue("720P"),
                integer("seed").defaultValue(42)),
                SeedModels::wan27Video);
    }

    private static ModelProfile i2v720p() {
        return new ModelProfile(I2V_720P, seconds(2), Duration.ofMillis(148_590), "video/mp4", 0.4, List.of(
                uri("image").required(),
                string("prompt").required(),
                integer("resolution").oneOf(720, 960, 1024).defaultValue(720).acceptingNumericStrings().required(),
                integer("video_length").range(1, 5).defaultValue(3).required(),
                bool("base64").defaultValue(false),
                string("negative_prompt").defaultValue(
                        "blurry, bad quality, camera shake, distortion, poor composition, low resolution, artifact, "
                                + "watermark"),
                integer("seed").defaultValue(42424242),
                integer("steps").range(10, 70).defaultValue(30)),
                p -> MediaGeometry.landscape(MediaGeometry.integer(p, "resolution", 720),
                        MediaGeometry.integer(p, "video_length", 3), WAN21_FPS));
    }

    private static MediaGeometry wan27Video(java.util.Map<String, Object> p) {
        boolean fullHd = "1080P".equals(MediaGeometry.text(p, "resolution", "720P"));
        return MediaGeometry.video(fullHd ? 1920 : 1280, fullHd ? 1080 : 720,
                MediaGeometry.integer(p, "duration", 5), WAN27_FPS);
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
