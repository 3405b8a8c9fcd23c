package dev.camelsegmind.component.model;

import dev.camelsegmind.component.error.SegmindValidationException;

import java.util.regex.Pattern;

/**
 * Guards the model slug, which becomes a path segment of the API URL ({@code /v2/<slug>}). A slug from a header can
 * come from outside the route, so anything that could change the path ({@code /}, {@code ..}, percent escapes) or
 * break the request line (spaces, line breaks) is refused before a URL is built.
 */
public final class ModelSlugs {

    public static final int MAX_LENGTH = 128;

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final String WHERE = " (the endpoint path segmind:<model> or header CamelSegmindModel)";
    private static final int VALUE_SHOWN = 60;

    private ModelSlugs() {
    }

    /**
     * @return the slug, unchanged, when it is safe to use
     * @throws SegmindValidationException for option {@code model} when it is not
     */
    public static String requireValid(String slug) {
        if (slug == null || slug.isEmpty()) {
            throw refuse(slug, "a model is required");
        }
        if (slug.length() > MAX_LENGTH) {
            throw refuse(slug, "use at most " + MAX_LENGTH + " characters");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw refuse(slug, "use letters, digits, '.', '_' and '-' only");
        }
        if (slug.contains("..")) {
            throw refuse(slug, "'..' is not allowed");
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && SLUG.matcher(slug).matches() && !slug.contains("..");
    }

    private static SegmindValidationException refuse(String slug, String rule) {
        String shown = slug == null ? "" : SafeText.forMessage(slug, VALUE_SHOWN);
        // the exception's model stays empty: the raw slug is exactly what must not reach a log line unescaped
        return new SegmindValidationException("model slug '" + shown + "' is not valid: " + rule + WHERE, "model",
                null);
    }
}
