package dev.camelsegmind.component.model;

import dev.camelsegmind.component.error.SegmindValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request payload against the seed model's page before anything is sent, because every accepted request is
 * billed and Segmind often reports a bad parameter only as a failed job minutes later. Models outside the catalog
 * are not checked: their parameters are unknown here and the API takes unknown parameters verbatim. The first
 * problem in the page's parameter order is reported, so the same payload always gives the same message.
 */
public final class PayloadValidator {

    private static final int VALUE_SHOWN = 60;

    // The pages type these as one URI, yet their prompts refer to Image1, Image2 and Video1, Video2: several files
    // can be given, so a list of inputs is accepted too.
    private static final Set<String> LIST_PARAMETERS = Set.of("reference_images", "reference_videos");

    // Shorter runs of base64 letters are more likely a relative path or a typo than an encoded file; even a 1x1 PNG
    // encodes to about 90 characters.
    private static final int MIN_BARE_BASE64 = 64;

    // Above this many digits a number cannot be in any range here; parsing it whole would only waste time.
    private static final int MAX_DIGITS = 40;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern DATA_URI_HEAD = Pattern.compile(
            "(?i)data:[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+(;[a-z0-9!#$&^_.+-]+=[^;,]*)*;base64");

    private PayloadValidator() {
    }

    /**
     * @throws SegmindValidationException naming the parameter's option and header, the value and what is allowed,
     *                                    when the payload breaks a rule of a seed model's page
     */
    public static void validate(String model, Map<String, Object> payload) {
        Optional<ModelSpec> spec = ModelCatalog.find(model);
        if (spec.isEmpty()) {
            return;
        }
        Map<String, Object> values = payload == null ? Map.of() : payload;
        for (ParameterSpec parameter : spec.get().parameters()) {
            Object value = values.get(parameter.name());
            if (value == null || parameter.required() && isBlank(value)) {
                if (parameter.required()) {
                    throw missing(spec.get(), parameter);
                }
                // left out (or null, as the pages' own defaults are): the model's default applies
                continue;
            }
            check(model, parameter, value);
        }
    }

    /**
     * Checks one value on its own, as {@link #validate} would check it in a payload; whether a required parameter is
     * present is not asked. Silent for a model outside the catalog, a parameter the model does not have, and null.
     *
     * @throws SegmindValidationException with the same message {@link #validate} gives for that value
     */
    public static void validateValue(String model, String name, Object value) {
        if (value == null) {
            return;
        }
        Optional<ModelSpec> spec = ModelCatalog.find(model);
        if (spec.isEmpty()) {
            return;
        }
        for (ParameterSpec parameter : spec.get().parameters()) {
            if (parameter.name().equals(name)) {
                check(model, parameter, value);
            }
        }
    }

    private static void check(String model, ParameterSpec parameter, Object value) {
        switch (parameter.type()) {
            case STRING -> checkText(model, parameter, value);
            case INTEGER -> checkWholeNumber(model, parameter, value);
            case BOOLEAN -> checkBoolean(model, parameter, value);
            case URI -> checkInput(model, parameter, value);
            default -> throw new IllegalStateException("unhandled type " + parameter.type());
        }
    }

    private static void checkText(String model, ParameterSpec parameter, Object value) {
        if (!(value instanceof CharSequence text)) {
            throw invalid(model, parameter, value, "is not text", "use a string");
        }
        Integer maxLength = parameter.maxLength();
        if (maxLength != null && text.length() > maxLength) {
            throw invalid(model, parameter, value, "is too long (" + text.length() + " characters)",
                    "use at most " + maxLength + " characters");
        }
        if (!parameter.allowed().isEmpty() && !parameter.allowed().contains(text.toString())) {
            throw invalid(model, parameter, value, "is not valid", "use " + oneOf(parameter.allowed()));
        }
    }

    private static void checkWholeNumber(String model, ParameterSpec parameter, Object value) {
        BigInteger number = wholeNumber(value);
        if (number == null) {
            throw invalid(model, parameter, value, "is not a whole number", "use " + wholeNumberRule(parameter));
        }
        if (!parameter.allowed().isEmpty() && !parameter.allowed().contains(number.toString())) {
            throw invalid(model, parameter, value, "is not valid", "use " + oneOf(parameter.allowed()));
        }
        boolean belowMin = parameter.min() != null && number.compareTo(BigInteger.valueOf(parameter.min())) < 0;
        boolean aboveMax = parameter.max() != null && number.compareTo(BigInteger.valueOf(parameter.max())) > 0;
        if (belowMin || aboveMax) {
            throw invalid(model, parameter, value, "is out of range", "use " + wholeNumberRule(parameter));
        }
    }

    private static void checkBoolean(String model, ParameterSpec parameter, Object value) {
        boolean ok = value instanceof Boolean
                || value instanceof CharSequence text
                && ("true".equalsIgnoreCase(text.toString()) || "false".equalsIgnoreCase(text.toString()));
        if (!ok) {
            throw invalid(model, parameter, value, "is not a boolean", "use true or false");
        }
    }

    private static void checkInput(String model, ParameterSpec parameter, Object value) {
        boolean listAllowed = LIST_PARAMETERS.contains(parameter.name());
        String rule = "use an http(s) URL, a data:<mime>;base64, URI or base64 data without line breaks"
                + (listAllowed ? ", or a list of them" : "");
        if (listAllowed && value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                throw invalid(model, parameter, List.of(), "is empty", rule);
            }
            for (Object item : items) {
                if (!(item instanceof CharSequence text) || !isUsableInput(text.toString())) {
                    throw invalid(model, parameter, item, "is not a usable input", rule);
                }
            }
            return;
        }
        if (!(value instanceof CharSequence text) || !isUsableInput(text.toString())) {
            throw invalid(model, parameter, value, "is not a usable input", rule);
        }
    }

    /**
     * Whether the text can be handed to Segmind as an input file. Local paths and other schemes are refused: Segmind
     * cannot read them, and a {@code file:} URL in a payload usually means a route meant to upload the file.
     */
    static boolean isUsableInput(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        if (startsWithIgnoreCase(text, "https://")) {
            return hasAuthority(text, "https://".length());
        }
        if (startsWithIgnoreCase(text, "http://")) {
            return hasAuthority(text, "http://".length());
        }
        if (startsWithIgnoreCase(text, "data:")) {
            int comma = text.indexOf(',');
            return comma > 0 && DATA_URI_HEAD.matcher(text.substring(0, comma)).matches()
                    && isBase64(text, comma + 1, 1);
        }
        return isBase64(text, 0, MIN_BARE_BASE64);
    }

    private static boolean hasAuthority(String url, int start) {
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end > start;
    }

    /** Standard or URL-safe base64 from {@code start}, at least {@code minLength} long, '=' only as padding. */
    private static boolean isBase64(String text, int start, int minLength) {
        int end = text.length();
        int padding = 0;
        while (end > start && text.charAt(end - 1) == '=' && padding < 2) {
            end--;
            padding++;
        }
        if (text.length() - start < minLength || end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letter && c != '+' && c != '/' && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The value as a whole number, or null when it is not one (1.5, "five", true). */
    private static BigInteger wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger() : null;
        }
        if (value instanceof Double || value instanceof Float) {
            // JSON writers may send 5 as 5.0; that is still a whole number, 1.5 is not
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) ? BigDecimal.valueOf(d).toBigInteger() : null;
        }
        if (value instanceof CharSequence text && WHOLE_NUMBER.matcher(text).matches()) {
            String digits = text.toString();
            if (digits.length() > MAX_DIGITS) {
                BigInteger huge = BigInteger.TEN.pow(MAX_DIGITS);
                return digits.startsWith("-") ? huge.negate() : huge;
            }
            return new BigInteger(digits);
        }
        return null;
    }

    private static String wholeNumberRule(ParameterSpec parameter) {
        if (!parameter.allowed().isEmpty()) {
            return oneOf(parameter.allowed());
        }
        if (parameter.min() != null && parameter.max() != null) {
            return parameter.min() + " to " + parameter.max();
        }
        if (parameter.min() != null) {
            return "a whole number of at least " + parameter.min();
        }
        if (parameter.max() != null) {
            return "a whole number of at most " + parameter.max();
        }
        return "a whole number";
    }

    private static boolean isBlank(Object value) {
        return value instanceof CharSequence text && text.toString().isBlank();
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** "720P or 1080P", "1K, 2K or 4K". */
    private static String oneOf(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    private static SegmindValidationException missing(ModelSpec model, ParameterSpec parameter) {
        String body = "";
        if (parameter.name().equals("prompt")) {
            body = ", or a text body";
        } else if (parameter.name().equals(model.imageInputParameter())) {
            body = ", or an image body";
        }
        String where = body.isEmpty()
                ? "(option " + parameter.option() + " or header " + parameter.header() + ")"
                : "(option " + parameter.option() + ", header " + parameter.header() + body + ")";
        return new SegmindValidationException(
                parameter.name() + " is required for " + model.slug() + " " + where, parameter.option(), model.slug());
    }

    private static SegmindValidationException invalid(String model, ParameterSpec parameter, Object value,
                                                      String problem, String rule) {
        String message = parameter.name() + " " + shown(value) + " " + problem + " for " + model + ": " + rule
                + " (option " + parameter.option() + " or header " + parameter.header() + ")";
        return new SegmindValidationException(message, parameter.option(), model);
    }

    /** Text in quotes so blanks and empty strings stay visible; numbers and booleans as they are. */
    private static String shown(Object value) {
        String safe = SafeText.forMessage(value, VALUE_SHOWN);
        return value instanceof CharSequence ? "'" + safe + "'" : safe;
    }
}
