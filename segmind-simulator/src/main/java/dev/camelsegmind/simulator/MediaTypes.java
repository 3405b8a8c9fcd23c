package dev.camelsegmind.simulator;

import java.util.Locale;
import java.util.Map;

/** File extensions for the MIME types models produce and users upload. */
final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/jpg", "jpg"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"),
            Map.entry("video/quicktime", "mov"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp3", "mp3"),
            Map.entry("audio/wav", "wav"),
            Map.entry("audio/x-wav", "wav"),
            Map.entry("application/json", "json"),
            Map.entry("text/plain", "txt"));

    private MediaTypes() {
    }

    static String extension(String mediaType) {
        String type = baseType(mediaType);
        String known = EXTENSIONS.get(type);
        if (known != null) {
            return known;
        }
        int slash = type.indexOf('/');
        String sub = slash < 0 ? "" : type.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() ? "bin" : sub;
    }

    /** The type without parameters, lower case: {@code "Image/PNG; q=1"} gives {@code "image/png"}. */
    static String baseType(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The key a JSON sync answer carries its base64 media under. */
    static String jsonField(String mediaType) {
        String type = baseType(mediaType);
        if (type.startsWith("video/")) {
            return "video";
        }
        return type.startsWith("audio/") ? "audio" : "image";
    }
}
