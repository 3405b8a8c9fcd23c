package dev.camelsegmind.simulator;

import static dev.camelsegmind.simulator.ModelParameter.bool;
import static dev.camelsegmind.simulator.ModelParameter.integer;
import static dev.camelsegmind.simulator.ModelParameter.string;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * crun's {@code wan/2-7-image-pro} as the reference describes its {@code input}: the field types checked one by one
 * here, the rules that tie fields together in {@link CrunInputRules}. The timing is the model's on Segmind (about
 * 33 s), since it is the same model; the price per image is the simulator's own, as crun publishes none.
 */
final class CrunModel {

    static final List<String> ASPECT_RATIOS = List.of("1:1", "16:9", "4:3", "21:9", "3:4", "9:16", "8:1", "1:8");
    static final List<String> RESOLUTIONS = List.of("1K", "2K", "4K");
    static final int MAX_IMAGES = 4;
    static final int MAX_SET_IMAGES = 12;
    private static final long MAX_SEED = 2_147_483_647L;

    private CrunModel() {
    }

    static ModelProfile profile() {
        return new ModelProfile(Crun.MODEL, Duration.ofSeconds(1), Duration.ofMillis(33_380), "image/png", 0.06,
                List.of(
                        string("prompt").required(),
                        string("aspect_ratio").oneOf(ASPECT_RATIOS.toArray()),
                        string("resolution").oneOf(RESOLUTIONS.toArray()).defaultValue("2K"),
                        integer("n").range(1, MAX_SET_IMAGES).defaultValue(1),
                        bool("enable_sequential").defaultValue(false),
                        bool("thinking_mode"),
                        bool("watermark"),
                        integer("seed").range(0, MAX_SEED),
                        bool("nsfw_checker")),
                CrunModel::geometry);
    }

    /**
     * The resolution is the pixel count of a square of that side (2K: about 2048 x 2048), spread over the aspect
     * ratio and rounded to multiples of 16, so a 16:9 2K image is 2736 x 1536.
     */
    static MediaGeometry geometry(Map<String, Object> input) {
        int side = switch (MediaGeometry.text(input, "resolution", "2K")) {
            case "1K" -> 1024;
            case "4K" -> 4096;
            default -> 2048;
        };
        String ratio = MediaGeometry.text(input, "aspect_ratio", "1:1");
        int colon = ratio.indexOf(':');
        double shape = ASPECT_RATIOS.contains(ratio)
                ? Double.parseDouble(ratio.substring(0, colon)) / Double.parseDouble(ratio.substring(colon + 1)) : 1;
        return MediaGeometry.image(sixteens(side * Math.sqrt(shape)), sixteens(side / Math.sqrt(shape)));
    }

    private static int sixteens(double pixels) {
        return Math.max(16, (int) Math.round(pixels / 16) * 16);
    }
}
