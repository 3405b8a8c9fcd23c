package dev.camelsegmind.component.provider.segmind;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.support.Json;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.model.SafeText;

/**
 * Finds the media in a result body. The shape is not fixed: {@code images}/{@code video} fields are preferred when
 * present, else {@code output}, which may be a URL, a list, an object, JSON inside a string, or base64. URLs that
 * are not absolute http(s) are refused: a result must never make the component read a local file or another scheme.
 */
public final class OutputExtractor {

    private static final int MAX_DEPTH = 4;

    private OutputExtractor() {
    }

    public static List<MediaRef> extract(Map<String, Object> result, String requestId, String model) {
        List<MediaRef> refs = new ArrayList<>();
        Object images = result.get("images");
        Object video = result.get("video");
        if (images != null) {
            collect(images, null, refs, requestId, model, 0);
        }
        if (video != null) {
            collect(video, "video/mp4", refs, requestId, model, 0);
        }
        if (refs.isEmpty() && result.get("output") != null) {
            collect(result.get("output"), null, refs, requestId, model, 0);
        }
        return refs;
    }

    private static void collect(Object value, String typeHint, List<MediaRef> refs, String requestId, String model,
                                int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                collect(item, typeHint, refs, requestId, model, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            Object url = first(map, "url", "uri", "image", "video", "output", "urls", "images");
            String type = str(first(map, "content_type", "contentType", "mime_type"));
            String name = str(first(map, "file_name", "fileName", "filename"));
            Long size = asLong(first(map, "file_size", "fileSize", "size"));
            if (url instanceof String s && isUrlLike(s)) {
                refs.add(MediaRef.url(checkedUrl(s, requestId, model), type != null ? type : typeHint, name, size));
            } else {
                collect(url, type != null ? type : typeHint, refs, requestId, model, depth + 1);
            }
        } else if (value instanceof String s) {
            String text = s.trim();
            if (text.startsWith("[") || text.startsWith("{")) {
                try {
                    collect(Json.parseAny(text), typeHint, refs, requestId, model, depth + 1);
                } catch (IOException e) {
                    // text that only looks like JSON: not media
                }
            } else if (text.startsWith("data:")) {
                refs.add(decodeDataUri(text, requestId, model));
            } else if (isUrlLike(text)) {
                refs.add(MediaRef.url(checkedUrl(text, requestId, model), typeHint, null, null));
            } else if (looksLikeBase64Media(text)) {
                byte[] bytes = Base64.getMimeDecoder().decode(text);
                refs.add(MediaRef.inline(bytes, null));
            }
        }
    }

    // compiled once: every output of every job is checked
    private static final Pattern HIERARCHICAL = Pattern.compile("^[a-z][a-z0-9+.-]{0,15}://.*");
    private static final Pattern SCHEMED = Pattern.compile("^[a-z][a-z0-9+.-]{1,15}:[a-z/].*");

    private static boolean isUrlLike(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        // anything that names a location is checked, so file:, ftp: and host-relative paths fail loudly
        return !s.contains(" ") && (HIERARCHICAL.matcher(lower).matches() || lower.startsWith("file:")
                || s.startsWith("/") || !lower.startsWith("data:") && SCHEMED.matcher(lower).matches());
    }

    static String checkedUrl(String text, String requestId, String model) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new SegmindProtocolException("Segmind returned an output URL the component will not fetch: '"
                        + SafeText.forMessage(text, 80) + "' (only absolute http and https URLs are followed)", 0,
                        null, requestId, model);
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new SegmindProtocolException("Segmind returned a malformed output URL: '"
                    + SafeText.forMessage(text, 80) + "'", 0, null, requestId, model);
        }
    }

    private static MediaRef decodeDataUri(String text, String requestId, String model) {
        int comma = text.indexOf(',');
        String meta = comma > 5 ? text.substring(5, comma) : "";
        if (comma < 0 || !meta.endsWith(";base64")) {
            throw new SegmindProtocolException("Segmind returned a data URI the component cannot decode", 0, null,
                    requestId, model);
        }
        String type = meta.substring(0, meta.length() - ";base64".length());
        return MediaRef.inline(Base64.getMimeDecoder().decode(text.substring(comma + 1)), type.isEmpty() ? null : type);
    }

    private static boolean looksLikeBase64Media(String s) {
        // short strings are prose (LLM answers), not media
        return s.length() >= 64 && s.length() % 4 == 0 && s.chars().limit(256)
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
    }

    private static Object first(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Long asLong(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? null : Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
