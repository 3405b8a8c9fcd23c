package dev.camelsegmind.simulator;

import java.util.Map;

/**
 * The size (and for video the length and frame rate) of a job's output, decided by its
 * parameters as the model would: {@code size: "4K"} gives a 4096-pixel image, {@code duration: 8}
 * an eight-second video.
 */
record MediaGeometry(int width, int height, double seconds, int fps) {

    static final MediaGeometry DEFAULT_IMAGE = image(1024, 1024);
    static final MediaGeometry DEFAULT_VIDEO = video(1280, 720, 5, 24);

    MediaGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("media size must be positive, got " + width + "x" + height);
        }
    }

    static MediaGeometry image(int width, int height) {
        return new MediaGeometry(width, height, 0, 0);
    }

    static MediaGeometry video(int width, int height, double seconds, int fps) {
        // 4:2:0 video needs even dimensions
        return new MediaGeometry(even(width), even(height), seconds, fps);
    }

    MediaGeometry withSeconds(double length) {
        return new MediaGeometry(width, height, length, fps);
    }

    /** Widest side {@code longest} at 16:9, as wan2.1's "longest side of the video" resolution reads. */
    static MediaGeometry landscape(int longest, double seconds, int fps) {
        return video(longest, (int) Math.round(longest * 9 / 16.0), seconds, fps);
    }

    private static int even(int n) {
        return Math.max(2, n + (n & 1));
    }

    /** How a model turns its effective parameters (defaults applied) into a geometry. */
    @FunctionalInterface
    interface Rule {
        MediaGeometry of(Map<String, Object> parameters);
    }

    static int integer(Map<String, Object> parameters, String name, int fallback) {
        Object value = parameters.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return (int) Math.round(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static String text(Map<String, Object> parameters, String name, String fallback) {
        Object value = parameters.get(name);
        return value instanceof String s ? s : fallback;
    }
}
