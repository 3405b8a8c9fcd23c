package dev.camelsegmind.component.engine;

import java.util.Map;

/** One status reading: the state, the provider's error detail when FAILED, and its metrics so far. */
public record JobStatus(String requestId, JobState state, String detail, Map<String, Object> metrics,
                        Map<String, Object> raw) {
}
