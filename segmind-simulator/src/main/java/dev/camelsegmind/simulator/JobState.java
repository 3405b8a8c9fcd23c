package dev.camelsegmind.simulator;

/** The states Segmind reports for a v2 job; content blocks are FAILED, not a state of their own. */
public enum JobState {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** Whether polling can stop. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
