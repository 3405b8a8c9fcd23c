package dev.camelsegmind.component.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Content types of input and output media. Segmind's CDN and user-supplied files do not always carry a trustworthy
 * type or name, so the leading bytes are the first witness, the file name the second.
 */
public final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("m4a", "audio/mp4"));

    private static final Map<String, String> EXTENSION_FOR = Map.ofEntries(
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/jpg", "jpg"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/quicktime", "mov"),
            Map.entry("video/webm", "webm"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp3", "mp3"),
            Map.entry("audio/wav", "wav"),
            Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/wave", "wav"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/flac", "flac"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("application/json", "json"));

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private MediaTypes() {
    }

    /** The content type the leading bytes show, or null when they match no known format. */
    public static String sniff(byte[] head) {
        if (head == null) {
            return null;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return "audio/wav";
        }
        if (isBmp(head)) {
            return "image/bmp";
        }
        if (ascii(head, 4, "ftyp")) {
            return head.length >= 12 ? isoMediaType(new String(head, 8, 4, StandardCharsets.ISO_8859_1)) : "video/mp4";
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (ascii(head, 0, "OggS")) {
            return "audio/ogg";
        }
        if (ascii(head, 0, "fLaC")) {
            return "audio/flac";
        }
        return mpegAudio(head);
    }

    /** The content type a file name's extension stands for, or null when it has none or an unknown one. */
    public static String fromFileName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The file extension (without dot) to save media of this type under; {@code bin} when the type is unknown. */
    public static String extensionFor(String contentType) {
        String type = baseType(contentType);
        return type == null ? "bin" : EXTENSION_FOR.getOrDefault(type, "bin");
    }

    public static boolean isImage(String contentType) {
        return hasTopLevel(contentType, "image/");
    }

    public static boolean isVideo(String contentType) {
        return hasTopLevel(contentType, "video/");
    }

    public static boolean isAudio(String contentType) {
        return hasTopLevel(contentType, "audio/");
    }

    /**
     * The extension of the URL's last path segment, lower case, or null when there is none. Query and fragment are
     * ignored, and anything that does not look like an extension (longer than five, or not letters and digits) is
     * rejected, so a signed CDN URL cannot smuggle a strange file name into a saved file.
     */
    public static String extensionFromUrl(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String path = url.substring(0, cut);
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            // the host is no path: "https://example.com" has no file, let alone a ".com" one
            int slash = path.indexOf('/', scheme + 3);
            if (slash < 0) {
                return null;
            }
            path = path.substring(slash);
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String extension = segment.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : null;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
        type = type.trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    private static boolean hasTopLevel(String contentType, String prefix) {
        String type = baseType(contentType);
        return type != null && type.startsWith(prefix) && type.length() > prefix.length();
    }

    /**
     * ISO base media files (the {@code ftyp} box) are mostly MP4 video, but the same container carries QuickTime,
     * M4A audio and AVIF/HEIC stills; the major brand tells them apart.
     */
    private static String isoMediaType(String brand) {
        switch (brand) {
            case "qt  ":
                return "video/quicktime";
            case "M4A ":
            case "M4B ":
                return "audio/mp4";
            case "avif":
            case "avis":
                return "image/avif";
            case "heic":
            case "heix":
            case "mif1":
                return "image/heic";
            default:
                return "video/mp4";
        }
    }

    // "BM" alone matches plenty of text; the four reserved header bytes of a real bitmap are zero.
    private static boolean isBmp(byte[] head) {
        return ascii(head, 0, "BM") && startsWith(head, 6, 0, 0, 0, 0);
    }

    /** MP3 with an ID3 tag, or a bare MPEG audio frame (sync bits, then a non-zero layer). */
    private static String mpegAudio(byte[] head) {
        if (ascii(head, 0, "ID3")) {
            return "audio/mpeg";
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            int layer = (head[1] >> 1) & 0x03;
            if (layer != 0) {
                return "audio/mpeg";
            }
            // layer 0 with MPEG-2/4 version bits is an ADTS AAC stream
            if ((head[1] & 0xF6) == 0xF0) {
                return "audio/aac";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        if (head.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
