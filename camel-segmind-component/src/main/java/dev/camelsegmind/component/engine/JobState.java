package dev.camelsegmind.component.engine;

import java.util.Locale;

/** The life of a job at the provider, in Segmind's words. Providers map their own states onto these. */
public enum JobState {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    /** Reads a provider's status word; unknown words count as still running so a new state never ends a job early. */
    public static JobState parse(Object value) {
        if (value == null) {
            return PROCESSING;
        }
        switch (value.toString().trim().toUpperCase(Locale.ROOT)) {
            case "QUEUED":
            case "PENDING":
            case "IN_QUEUE":
                return QUEUED;
            case "COMPLETED":
            case "SUCCEEDED":
            case "SUCCESS":
                return COMPLETED;
            case "FAILED":
            case "ERROR":
            case "CANCELED":
            case "CANCELLED":
                return FAILED;
            default:
                return PROCESSING;
        }
    }
}
