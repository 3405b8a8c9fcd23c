package dev.camelsegmind.simulator;

import java.time.Duration;

/**
 * Starting profiles. Timings are the compute times Segmind publishes on the seed model pages, so
 * a test at time factor 1 sees realistic waits; costs are in the range Segmind bills.
 */
final class ModelDefaults {

    private ModelDefaults() {
    }

    static ModelProfile profileFor(String slug) {
        switch (slug) {
            case "wan2.7-image-pro":
                return new ModelProfile(slug, seconds(1), Duration.ofMillis(33_380), "image/png", 0.06);
            case "wan2.7-i2v":
                return new ModelProfile(slug, seconds(2), Duration.ofMillis(137_700), "video/mp4", 0.5);
            case "wan2.7-r2v":
                return new ModelProfile(slug, seconds(2), seconds(140), "video/mp4", 0.5);
            case "wan2.1-i2v-720p":
                return new ModelProfile(slug, seconds(2), Duration.ofMillis(148_590), "video/mp4", 0.4);
            default:
                return new ModelProfile(slug, seconds(1), seconds(10), "image/png", 0.05);
        }
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
