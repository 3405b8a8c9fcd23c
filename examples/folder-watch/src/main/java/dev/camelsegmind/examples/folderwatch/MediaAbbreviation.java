package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.model.MediaTypes;

/**
 * Keeps inline media out of sidecars and logs: a data URI of a picture is megabytes of base64 that says nothing to
 * a reader, so it is shown as its head and its length.
 */
final class MediaAbbreviation {

    private static final int KEEP = 40;

    private MediaAbbreviation() {
    }

    /** A copy of the parameters with every data URI (at any depth) shortened. */
    static Map<String, Object> abbreviate(Map<String, Object> parameters) {
        Map<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(k, abbreviateValue(v)));
        return copy;
    }

    /** How the sidecar shows a picture that the component sends inline. */
    static String describeFile(Path file) throws IOException {
        String type = MediaTypes.fromFileName(file.getFileName().toString());
        return "data:" + (type != null ? type : "application/octet-stream") + ";base64,... (" + Files.size(file) + " bytes of "
                + file.getFileName() + ")";
    }

    @SuppressWarnings("unchecked")
    private static Object abbreviateValue(Object value) {
        if (value instanceof String s && s.regionMatches(true, 0, "data:", 0, 5) && s.length() > KEEP) {
            return s.substring(0, KEEP) + "... (" + s.length() + " characters)";
        }
        if (value instanceof Map<?, ?> map) {
            return abbreviate((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(abbreviateValue(item)));
            return copy;
        }
        return value;
    }
}
