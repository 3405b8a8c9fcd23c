package dev.camelsegmind.component;

/** How the producer spaces status reads while a job waits. */
public enum SegmindPollStrategy {
    /** Every pollInterval, like Segmind's own SDK. */
    fixed,
    /** From pollInterval, growing by half each read, up to maxPollInterval. */
    backoff
}
