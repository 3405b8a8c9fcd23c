package dev.camelsegmind.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows how media URLs are spelled, {@code /media/<requestId>-<n>.<ext>} and
 * {@code /media/<requestId>-last.png}, so building and parsing cannot drift apart.
 */
final class MediaNames {

    static final String LAST_FRAME = "last";

    /** Parsed file name; {@code index} is -1 for the last frame. */
    record Parsed(String requestId, int index, String extension) {
        boolean lastFrame() {
            return index < 0;
        }
    }

    private static final Pattern NAME = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})-(\\d{1,4}|last)\\.([A-Za-z0-9]+)");

    private MediaNames() {
    }

    static String outputUrl(String baseUrl, Job job, int index) {
        return baseUrl + "/media/" + fileName(job, index);
    }

    static String fileName(Job job, int index) {
        return job.requestId() + "-" + index + "." + MediaTypes.extension(job.spec().mediaType());
    }

    static String lastFrameUrl(String baseUrl, Job job) {
        return baseUrl + "/media/" + job.requestId() + "-" + LAST_FRAME + ".png";
    }

    static Optional<Parsed> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = m.group(2).equals(LAST_FRAME) ? -1 : Integer.parseInt(m.group(2));
        return Optional.of(new Parsed(m.group(1), index, m.group(3)));
    }

    /** The request id inside a media file name, so faults can be aimed by model at media too. */
    static String requestIdOf(String fileName) {
        return parse(fileName).map(Parsed::requestId).orElse(null);
    }
}
