package dev.camelsegmind.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Produces the files behind output URLs: real PNG/JPEG/GIF images drawn on first use and cached,
 * a bundled real MP4, and a labelled stub for types the JDK cannot encode. Everything is
 * regenerated from the job, so no media is stored per job.
 */
final class MediaLibrary {

    private static final String MP4_RESOURCE = "placeholder.mp4";

    private final byte[] mp4 = loadPlaceholderMp4();
    private final ConcurrentMap<String, byte[]> images = new ConcurrentHashMap<>();

    MediaFile output(Job job, int index) {
        ModelSpec spec = job.spec();
        String type = spec.mediaType();
        byte[] natural = natural(type, job.requestId() + "-" + index);
        return new MediaFile(type, pad(type, natural, spec.mediaSizeBytes()));
    }

    /** The still Segmind names in {@code video.last_frame_url}. */
    MediaFile lastFrame(Job job) {
        return new MediaFile("image/png", Body.bytes(image("image/png", job.requestId() + "-last")));
    }

    private byte[] natural(String mediaType, String seed) {
        String type = MediaTypes.baseType(mediaType);
        if (type.equals("video/mp4")) {
            return mp4;
        }
        if (type.startsWith("image/") && ImagePlaceholder.canWrite(type)) {
            return image(type, seed);
        }
        return ("segmind-simulator placeholder " + type + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] image(String type, String seed) {
        int shade = ImagePlaceholder.shadeOf(seed);
        return images.computeIfAbsent(type + "#" + shade, key -> ImagePlaceholder.render(type, shade));
    }

    private static Body pad(String mediaType, byte[] natural, long target) {
        switch (MediaTypes.baseType(mediaType)) {
            case "video/mp4":
                return Mp4Padding.pad(natural, target);
            case "image/png":
                return PngPadding.pad(natural, target);
            default:
                // Formats without a skippable container box: trailing bytes are the best we can do.
                long missing = target - natural.length;
                return missing <= 0 ? Body.bytes(natural) : Body.concat(Body.bytes(natural), Body.zeros(missing));
        }
    }

    private static byte[] loadPlaceholderMp4() {
        try (InputStream in = MediaLibrary.class.getResourceAsStream(MP4_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MP4_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
