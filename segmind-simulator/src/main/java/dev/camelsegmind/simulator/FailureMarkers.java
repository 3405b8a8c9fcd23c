package dev.camelsegmind.simulator;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides at submission whether a job will fail: the model's configured failure, a blocked word in
 * the prompt, or a marker. Prompt markers let a test make one job fail without reconfiguring the
 * model that other jobs in the same test share.
 */
final class FailureMarkers {

    static final String FAIL_MARKER = "[sim:fail]";
    static final String BLOCK_MARKER = "[sim:block]";
    static final String GENERATION_FAILED = "Generation failed";
    static final String BLOCKED = "Content blocked by safety filter (RAI)";

    private FailureMarkers() {
    }

    private static boolean containsWord(String text, List<String> words) {
        for (String word : words) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The failure detail the job will end with, or {@code null} if it will complete. */
    static String failureFor(ModelSpec spec, Map<String, Object> payload) {
        if (spec.failure() != null) {
            return spec.failure();
        }
        Object prompt = payload.get("prompt");
        if (prompt instanceof String text) {
            if (text.contains(BLOCK_MARKER) || containsWord(text, spec.blockedWords())) {
                return BLOCKED;
            }
            if (text.contains(FAIL_MARKER)) {
                return GENERATION_FAILED;
            }
        }
        return null;
    }
}
