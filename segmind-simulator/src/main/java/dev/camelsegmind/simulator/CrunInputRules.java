package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks on a task's {@code input}, each failure worded to name the field: first every field on its own
 * (the model profile's parameters), then what the reference says about fields together. Input images switch the
 * model to edit mode and {@code enable_sequential} to image-set mode, and several fields exist only for plain
 * text-to-image.
 */
final class CrunInputRules {

    static final int MAX_PROMPT = 5000;
    static final int MAX_INPUT_IMAGES = 9;
    private static final int MIN_PALETTE = 3;
    private static final int MAX_PALETTE = 10;
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d+)?%");

    private CrunInputRules() {
    }

    /** The first rule {@code input} breaks, or empty. {@code imageFields} are the names input images may come under. */
    static Optional<String> check(JsonNode input, List<ModelParameter> parameters, List<String> imageFields) {
        for (ModelParameter parameter : parameters) {
            Optional<String> invalid = parameter.check(input);
            if (invalid.isPresent()) {
                return Optional.of("input: " + invalid.get());
            }
        }
        JsonNode prompt = input.get("prompt");
        if (prompt != null && prompt.isTextual()) {
            int length = prompt.asText().codePointCount(0, prompt.asText().length());
            if (length > MAX_PROMPT) {
                return fail("input.prompt must be at most " + MAX_PROMPT + " characters, got " + length);
            }
        }
        List<String> given = new ArrayList<>();
        for (String name : imageFields) {
            if (present(input, name)) {
                given.add(name);
            }
        }
        if (given.size() > 1) {
            return fail("input." + given.get(0) + " and input." + given.get(1) + " both name input images; send one");
        }
        String images = given.isEmpty() ? null : given.get(0);
        if (images != null) {
            Optional<String> bad = imageList(images, input.get(images));
            if (bad.isPresent()) {
                return bad;
            }
        }
        return combinations(input, images);
    }

    private static Optional<String> combinations(JsonNode input, String images) {
        boolean edit = images != null;
        boolean set = input.path("enable_sequential").asBoolean(false);
        if (present(input, "aspect_ratio") && edit) {
            return fail("input.aspect_ratio is for text-to-image only; leave it out when input." + images
                    + " is given");
        }
        if ("4K".equals(input.path("resolution").asText()) && (edit || set)) {
            return fail("input.resolution 4K is only for plain text-to-image (no input images, no image set)");
        }
        if (input.path("thinking_mode").asBoolean(false) && (edit || set)) {
            return fail("input.thinking_mode is for text-to-image only, not with input images or image sets");
        }
        int n = input.path("n").asInt(1);
        if (n > CrunModel.MAX_IMAGES && !set) {
            return fail("input.n must be between 1 and " + CrunModel.MAX_IMAGES + " (up to "
                    + CrunModel.MAX_SET_IMAGES + " with enable_sequential), got " + n);
        }
        if (present(input, "color_palette")) {
            Optional<String> bad = palette(input.get("color_palette"));
            if (bad.isPresent()) {
                return bad;
            }
        }
        return present(input, "bbox_list") ? boxes(input.get("bbox_list"), images, input) : Optional.empty();
    }

    private static Optional<String> imageList(String name, JsonNode list) {
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_INPUT_IMAGES) {
            return fail("input." + name + " must be a list of 1 to " + MAX_INPUT_IMAGES + " image URLs, got "
                    + (list.isArray() ? list.size() + " items" : list.getNodeType().name().toLowerCase()));
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                return fail("input." + name + "[" + i + "] must be an image URL, got " + list.get(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> palette(JsonNode palette) {
        if (!palette.isArray() || palette.size() < MIN_PALETTE || palette.size() > MAX_PALETTE) {
            return fail("input.color_palette must be a list of " + MIN_PALETTE + " to " + MAX_PALETTE
                    + " colours {\"hex\": \"#RRGGBB\", \"ratio\": ...}, got "
                    + (palette.isArray() ? palette.size() + " items" : palette.getNodeType().name().toLowerCase()));
        }
        for (int i = 0; i < palette.size(); i++) {
            JsonNode colour = palette.get(i);
            if (!colour.path("hex").isTextual() || !HEX.matcher(colour.path("hex").asText()).matches()) {
                return fail("input.color_palette[" + i + "].hex must be a colour such as \"#1A2B3C\", got "
                        + colour.get("hex"));
            }
            JsonNode ratio = colour.get("ratio");
            boolean number = ratio != null && ratio.isNumber() && ratio.asDouble() >= 0;
            boolean percent = ratio != null && ratio.isTextual() && PERCENT.matcher(ratio.asText()).matches();
            if (!number && !percent) {
                return fail("input.color_palette[" + i + "].ratio must be a share of the image (0.25 or \"25%\"), got "
                        + ratio);
            }
        }
        return Optional.empty();
    }

    /** One entry per input image, each a list of {@code [x1, y1, x2, y2]} boxes on that image. */
    private static Optional<String> boxes(JsonNode list, String images, JsonNode input) {
        if (images == null) {
            return fail("input.bbox_list marks regions of input images; it needs input images");
        }
        int count = input.get(images).size();
        if (!list.isArray() || list.size() > count) {
            return fail("input.bbox_list must be a list with at most one entry per input image (" + count + ")");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode perImage = list.get(i);
            if (!perImage.isArray()) {
                return fail("input.bbox_list[" + i + "] must be a list of [x1, y1, x2, y2] boxes, got " + perImage);
            }
            for (int j = 0; j < perImage.size(); j++) {
                if (!box(perImage.get(j))) {
                    return fail("input.bbox_list[" + i + "][" + j + "] must be [x1, y1, x2, y2] with x1 < x2 and "
                            + "y1 < y2, got " + perImage.get(j));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean box(JsonNode box) {
        if (!box.isArray() || box.size() != 4) {
            return false;
        }
        for (JsonNode corner : box) {
            if (!corner.isNumber() || corner.asDouble() < 0) {
                return false;
            }
        }
        return box.get(0).asDouble() < box.get(2).asDouble() && box.get(1).asDouble() < box.get(3).asDouble();
    }

    private static boolean present(JsonNode input, String name) {
        JsonNode value = input.get(name);
        return value != null && !value.isNull();
    }

    private static Optional<String> fail(String message) {
        return Optional.of(message);
    }
}
