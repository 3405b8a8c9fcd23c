package dev.camelsegmind.component.provider.crun;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.support.Json;

/**
 * The {@code input} of crun's Wan 2.7 Image Pro: the rules of the reference checked before anything is sent (every
 * accepted task is billed), and the payload written with the field names crun is sent. The payload arrives under the
 * reference's names ({@code input_urls}, {@code n}, ...) plus Segmind's {@code image} (a picture from the message body
 * or option image), which becomes the first input image, and Segmind's {@code size}, read as the resolution.
 */
final class CrunInputs {

    /** The reference's names for the model's inputs; the names sent may be configured, these stay the keys. */
    static final String PROMPT = "prompt";
    static final String IMAGES = "input_urls";
    static final String ASPECT_RATIO = "aspect_ratio";
    static final String RESOLUTION = "resolution";
    static final String COUNT = "n";
    static final String IMAGE_SET = "enable_sequential";
    static final String THINKING = "thinking_mode";
    static final String PALETTE = "color_palette";
    static final String BOXES = "bbox_list";
    static final String WATERMARK = "watermark";
    static final String SEED = "seed";
    static final String NSFW = "nsfw_checker";
    /** Segmind's names that mean the same here. */
    static final String IMAGE = "image";
    static final String SIZE = "size";

    static final List<String> ASPECT_RATIOS = List.of("1:1", "16:9", "4:3", "21:9", "3:4", "9:16", "8:1", "1:8");
    static final List<String> RESOLUTIONS = List.of("1K", "2K", "4K");
    static final int MAX_PROMPT = 5000;
    static final int MAX_IMAGES = 9;
    static final int MAX_COUNT = 4;
    static final int MAX_SET_COUNT = 12;
    static final int MIN_PALETTE = 3;
    static final int MAX_PALETTE = 10;
    static final long MAX_SEED = 2_147_483_647L;

    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d+)?%");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,19}");
    private static final int VALUE_SHOWN = 60;

    /** The option and header that set each input, for messages a user can act on. */
    private static final Map<String, String[]> OPTIONS = Map.ofEntries(
            Map.entry(PROMPT, new String[] { "prompt", "CamelSegmindPrompt" }),
            Map.entry(IMAGE, new String[] { "image", "CamelSegmindImage" }),
            Map.entry(IMAGES, new String[] { "inputImages", "CamelSegmindInputImages" }),
            Map.entry(ASPECT_RATIO, new String[] { "aspectRatio", "CamelSegmindAspectRatio" }),
            Map.entry(RESOLUTION, new String[] { "resolution", "CamelSegmindResolution" }),
            Map.entry(SIZE, new String[] { "size", "CamelSegmindSize" }),
            Map.entry(COUNT, new String[] { "imageCount", "CamelSegmindImageCount" }),
            Map.entry(IMAGE_SET, new String[] { "imageSet", "CamelSegmindImageSet" }),
            Map.entry(THINKING, new String[] { "thinkingMode", "CamelSegmindThinkingMode" }),
            Map.entry(PALETTE, new String[] { "colorPalette", "CamelSegmindColorPalette" }),
            Map.entry(BOXES, new String[] { "boundingBoxes", "CamelSegmindBoundingBoxes" }),
            Map.entry(WATERMARK, new String[] { "watermark", "CamelSegmindWatermark" }),
            Map.entry(SEED, new String[] { "seed", "CamelSegmindSeed" }),
            Map.entry(NSFW, new String[] { "nsfwChecker", "CamelSegmindNsfwChecker" }));

    private final String model;
    private final boolean uploads;

    /**
     * @param uploads whether a picture from the message body is uploaded before the task is created (option
     *                uploadInputs): only then may {@code image} still be a data URI here
     */
    CrunInputs(String model, boolean uploads) {
        this.model = model;
        this.uploads = uploads;
    }

    /** The checked input, under the reference's names, with every value in the type crun expects. */
    Map<String, Object> normalise(Map<String, Object> payload) {
        Map<String, Object> in = new LinkedHashMap<>(payload);
        Map<String, Object> out = new LinkedHashMap<>();
        String prompt = text(PROMPT, in.remove(PROMPT));
        if (prompt == null || prompt.isBlank()) {
            throw new SegmindValidationException("prompt is required for " + model + " at " + CrunErrors.NAME
                    + " (option prompt, header CamelSegmindPrompt, or a text body)", "prompt", model);
        }
        int length = prompt.codePointCount(0, prompt.length());
        if (length > MAX_PROMPT) {
            throw invalid(PROMPT, "'" + SafeText.forMessage(prompt, 40) + "'", "is too long (" + length
                    + " characters)", "use at most " + MAX_PROMPT + " characters");
        }
        out.put(PROMPT, prompt);

        List<String> images = images(in.remove(IMAGE), in.remove(IMAGES));
        if (!images.isEmpty()) {
            out.put(IMAGES, images);
        }
        boolean edit = !images.isEmpty();
        Boolean set = bool(IMAGE_SET, in.remove(IMAGE_SET));
        boolean imageSet = Boolean.TRUE.equals(set);
        if (set != null) {
            out.put(IMAGE_SET, set);
        }

        Object ratio = in.remove(ASPECT_RATIO);
        if (ratio != null) {
            String r = oneOf(ASPECT_RATIO, ratio, ASPECT_RATIOS);
            if (edit) {
                throw invalid(ASPECT_RATIO, shown(ratio), "is for text-to-image only",
                        "leave it out when input images are given (the output follows them)");
            }
            out.put(ASPECT_RATIO, r);
        }

        Object size = in.remove(SIZE);
        Object resolution = in.remove(RESOLUTION);
        if (resolution == null && size != null) {
            resolution = oneOf(SIZE, size, RESOLUTIONS);
        }
        if (resolution != null) {
            String r = oneOf(RESOLUTION, resolution, RESOLUTIONS);
            if (r.equals("4K") && (edit || imageSet)) {
                throw invalid(RESOLUTION, shown(resolution), "is only for plain text-to-image", "use 1K or 2K with "
                        + (edit ? "input images" : "an image set (imageSet=true)"));
            }
            out.put(RESOLUTION, r);
        }

        Object n = in.remove(COUNT);
        if (n != null) {
            long count = whole(COUNT, n);
            long max = imageSet ? MAX_SET_COUNT : MAX_COUNT;
            if (count < 1 || count > max) {
                throw invalid(COUNT, shown(n), "is out of range", "use 1 to " + MAX_COUNT + (imageSet
                        ? ", or up to " + MAX_SET_COUNT + " with an image set" : " (up to " + MAX_SET_COUNT
                        + " with imageSet=true)"));
            }
            out.put(COUNT, (int) count);
        }

        Boolean thinking = bool(THINKING, in.remove(THINKING));
        if (Boolean.TRUE.equals(thinking) && (edit || imageSet)) {
            throw invalid(THINKING, "true", "is for text-to-image only", "leave it out with " + (edit
                    ? "input images" : "an image set (imageSet=true)"));
        }
        if (thinking != null) {
            out.put(THINKING, thinking);
        }

        Object palette = in.remove(PALETTE);
        if (palette != null) {
            out.put(PALETTE, palette(palette));
        }
        Object boxes = in.remove(BOXES);
        if (boxes != null) {
            out.put(BOXES, boxes(boxes, images.size()));
        }
        putBool(out, WATERMARK, in.remove(WATERMARK));
        putBool(out, NSFW, in.remove(NSFW));
        Object seed = in.remove(SEED);
        if (seed != null) {
            long s = whole(SEED, seed);
            if (s < 0 || s > MAX_SEED) {
                throw invalid(SEED, shown(seed), "is out of range", "use 0 to " + MAX_SEED);
            }
            out.put(SEED, s);
        }
        // anything else goes as it is, as parameters.* does for Segmind: crun ignores a field it does not know
        in.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The normalised input under the names crun is sent ({@code names} maps a reference name to another). */
    static Map<String, Object> wire(Map<String, Object> normalised, Map<String, String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        normalised.forEach((k, v) -> out.put(names.getOrDefault(k, k), v));
        return out;
    }

    // ---- input images

    private List<String> images(Object single, Object list) {
        List<String> urls = new ArrayList<>();
        if (single != null) {
            String url = text(IMAGE, single);
            if (url != null && !url.isBlank()) {
                urls.add(imageUrl(IMAGE, url.trim(), true));
            }
        }
        if (list != null) {
            for (Object item : listOf(list)) {
                String url = item == null ? null : item.toString().trim();
                if (url == null || url.isEmpty()) {
                    throw invalid(IMAGES, shown(list), "has an empty entry", "give 1 to " + MAX_IMAGES
                            + " image URLs, comma separated or as a list");
                }
                urls.add(imageUrl(IMAGES, url, false));
            }
            if (urls.isEmpty()) {
                throw invalid(IMAGES, shown(list), "is empty", "give 1 to " + MAX_IMAGES + " image URLs, or leave it"
                        + " out for text-to-image");
            }
        }
        if (urls.size() > MAX_IMAGES) {
            throw invalid(IMAGES, urls.size() + " images" + (single != null ? " (with the image from the body or"
                    + " option image)" : ""), "are too many", "give 1 to " + MAX_IMAGES + " input images");
        }
        return urls;
    }

    /**
     * crun reads input images from URLs. A picture from the message body arrives as a data URI and is only allowed
     * when it will be uploaded first: crun does not document data URIs, and a task it cannot read is still billed.
     */
    private String imageUrl(String name, String url, boolean fromBody) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            if (fromBody && uploads) {
                return url;
            }
            throw new SegmindValidationException(CrunErrors.NAME + " takes input images as http(s) URLs and does not"
                    + " document data URIs, so the picture " + (fromBody ? "in the message body" : "in option "
                    + option(name)) + " is not sent: set uploadInputs=true (it is then uploaded with Segmind's"
                    + " upload-asset, which needs option apiKey) or give its URL in option inputImages (header"
                    + " CamelSegmindInputImages)", fromBody ? "uploadInputs" : option(name), model);
        }
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || url.chars()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw invalid(name, shown(url), "is not an image URL", "give http(s) URLs " + CrunErrors.NAME
                    + " can download");
        }
        return url;
    }

    // ---- colour palette and boxes

    private List<Map<String, Object>> palette(Object value) {
        List<?> entries = value instanceof String s && !s.trim().startsWith("[") ? paletteText(s) : listOf(value);
        if (entries.size() < MIN_PALETTE || entries.size() > MAX_PALETTE) {
            throw invalid(PALETTE, shown(value), "has " + entries.size() + " colours", "give " + MIN_PALETTE + " to "
                    + MAX_PALETTE + " colours as #RRGGBB:ratio, comma separated (#1A2B3C:0.5,#FFFFFF:0.3,#000000:0.2)");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> colour)) {
                throw invalid(PALETTE, shown(value), "has an entry that is not a colour", "give {\"hex\": \"#RRGGBB\","
                        + " \"ratio\": 0.25} entries or #RRGGBB:ratio text");
            }
            Object hex = colour.get("hex");
            if (!(hex instanceof String h) || !HEX.matcher(h).matches()) {
                throw invalid(PALETTE, shown(value), "has the colour " + shown(hex) + ", which is not #RRGGBB",
                        "write colours as #1A2B3C");
            }
            Object ratio = colour.get("ratio");
            Object r = ratio(ratio);
            if (r == null) {
                throw invalid(PALETTE, shown(value), "gives " + h + " the share " + shown(ratio), "give each colour's"
                        + " share of the image as a number from 0 to 1 (0.25) or a percentage (25%)");
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("hex", h);
            c.put("ratio", r);
            out.add(c);
        }
        return out;
    }

    private List<Map<String, Object>> paletteText(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            Map<String, Object> colour = new LinkedHashMap<>();
            colour.put("hex", colon < 0 ? p : p.substring(0, colon).trim());
            colour.put("ratio", colon < 0 ? null : p.substring(colon + 1).trim());
            out.add(colour);
        }
        return out;
    }

    /** A share as a number from 0 to 1, or text "25%" kept as crun's other spelling; null when neither. */
    private static Object ratio(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d >= 0 && d <= 1 ? n : null;
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (PERCENT.matcher(t).matches()) {
                double d = Double.parseDouble(t.substring(0, t.length() - 1));
                return d <= 100 ? t : null;
            }
            try {
                double d = Double.parseDouble(t);
                return d >= 0 && d <= 1 ? BigDecimal.valueOf(d) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** One list of {@code [x1, y1, x2, y2]} boxes per input image, as a list or as its JSON text. */
    private List<List<List<Number>>> boxes(Object value, int images) {
        String rule = "give a JSON list with one list of [x1, y1, x2, y2] boxes (x1 < x2, y1 < y2, in pixels) per"
                + " input image, for example [[[10, 10, 200, 120]], []]";
        if (images == 0) {
            throw invalid(BOXES, shown(value), "marks regions of input images, and there are none",
                    "give input images (option inputImages or an image body), or leave boundingBoxes out");
        }
        Object parsed = value;
        if (value instanceof String s) {
            try {
                parsed = Json.parseAny(s.trim());
            } catch (IOException e) {
                throw invalid(BOXES, shown(value), "is not JSON", rule);
            }
        }
        if (!(parsed instanceof List<?> perImage) || perImage.size() > images) {
            throw invalid(BOXES, shown(value), "is not one entry per input image (" + images + ")", rule);
        }
        List<List<List<Number>>> out = new ArrayList<>();
        for (Object entry : perImage) {
            if (!(entry instanceof List<?> list)) {
                throw invalid(BOXES, shown(value), "has an entry that is not a list of boxes", rule);
            }
            List<List<Number>> boxes = new ArrayList<>();
            for (Object box : list) {
                boxes.add(box(box, value, rule));
            }
            out.add(boxes);
        }
        return out;
    }

    private List<Number> box(Object box, Object whole, String rule) {
        if (!(box instanceof List<?> corners) || corners.size() != 4) {
            throw invalid(BOXES, shown(whole), "has a box " + shown(box) + " that is not [x1, y1, x2, y2]", rule);
        }
        List<Number> out = new ArrayList<>();
        for (Object c : corners) {
            if (!(c instanceof Number n) || n.doubleValue() < 0) {
                throw invalid(BOXES, shown(whole), "has a box " + shown(box) + " with a corner that is not a"
                        + " non-negative number", rule);
            }
            out.add(n);
        }
        if (out.get(0).doubleValue() >= out.get(2).doubleValue() || out.get(1).doubleValue() >= out.get(3)
                .doubleValue()) {
            throw invalid(BOXES, shown(whole), "has a box " + shown(box) + " whose corners are not x1 < x2 and"
                    + " y1 < y2", rule);
        }
        return out;
    }

    // ---- values

    private void putBool(Map<String, Object> out, String name, Object value) {
        Boolean b = bool(name, value);
        if (b != null) {
            out.put(name, b);
        }
    }

    private Boolean bool(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw invalid(name, shown(value), "is not a boolean", "use true or false");
    }

    private long whole(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n
                .doubleValue()) && Math.abs(n.doubleValue()) < 1e18) {
            return n.longValue();
        }
        if (value instanceof String s && WHOLE.matcher(s.trim()).matches()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // beyond a long: reported below
            }
        }
        throw invalid(name, shown(value), "is not a whole number", name.equals(SEED) ? "use 0 to " + MAX_SEED
                : "use a whole number");
    }

    private String oneOf(String name, Object value, List<String> allowed) {
        String text = value instanceof String s ? s.trim() : String.valueOf(value);
        String match = allowed.stream().filter(a -> a.equalsIgnoreCase(text)).findFirst().orElse(null);
        if (match == null) {
            throw invalid(name, shown(value), "is not valid", "use " + String.join(", ", allowed.subList(0,
                    allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1));
        }
        return match;
    }

    private String text(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof CharSequence)) {
            throw invalid(name, shown(value), "is not text", "use a string");
        }
        return value.toString();
    }

    private static List<?> listOf(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                Object parsed = Json.parseAny(text);
                if (parsed instanceof List<?> list) {
                    return list;
                }
            } catch (IOException e) {
                // not JSON after all: read as comma-separated text
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            parts.add(part.trim());
        }
        return parts.size() == 1 && parts.get(0).isEmpty() ? List.of() : parts;
    }

    private SegmindValidationException invalid(String name, String shown, String problem, String rule) {
        String[] option = OPTIONS.getOrDefault(name, new String[] { name, "CamelSegmindParameters" });
        return new SegmindValidationException(name + " " + shown + " " + problem + " for " + model + " at "
                + CrunErrors.NAME + ": " + rule + " (option " + option[0] + " or header " + option[1] + ")", option[0],
                model);
    }

    private static String option(String name) {
        String[] option = OPTIONS.get(name);
        return option == null ? name : option[0];
    }

    private static String shown(Object value) {
        String safe = SafeText.forMessage(value, VALUE_SHOWN);
        return value instanceof CharSequence ? "'" + safe + "'" : safe;
    }
}
