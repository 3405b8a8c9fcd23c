package dev.camelsegmind.simulator;

import java.util.Map;

/**
 * Decides at submission whether a job will fail. Prompt markers let a test make one job fail
 * without reconfiguring the model that other jobs in the same test share.
 */
final class FailureMarkers {

    static final String FAIL_MARKER = "[sim:fail]";
    static final String BLOCK_MARKER = "[sim:block]";
    static final String GENERATION_FAILED = "Generation failed";
    static final String BLOCKED = "Content blocked by safety filter (RAI)";

    private FailureMarkers() {
    }

    /** The failure detail the job will end with, or {@code null} if it will complete. */
    static String failureFor(ModelSpec spec, Map<String, Object> payload) {
        if (spec.failure() != null) {
            return spec.failure();
        }
        Object prompt = payload.get("prompt");
        if (prompt instanceof String text) {
            if (text.contains(BLOCK_MARKER)) {
                return BLOCKED;
            }
            if (text.contains(FAIL_MARKER)) {
                return GENERATION_FAILED;
            }
        }
        return null;
    }
}
