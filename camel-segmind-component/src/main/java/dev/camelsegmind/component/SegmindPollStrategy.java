package dev.camelsegmind.component;

/** How the producer spaces status reads while a job waits. */
public enum SegmindPollStrategy {
    /** Every pollInterval, like Segmind's own SDK. */
    fixed,
    /** From pollInterval, growing by half each read, up to maxPollInterval. */
    backoff,
    /**
     * Learns from finished jobs when a model's jobs finish: waits up to maxPollInterval at a time until then, polls
     * every four fifths of pollInterval while jobs usually finish and a while past that, then backs off. Until a
     * model's first job finished it polls like backoff, tighter around the model's published typical time. It learns
     * per model and per the request parameters that drive render time (for wan2.7-i2v: duration and resolution), so
     * short and long videos of one model are each read around their own finish. The default.
     */
    adaptive
}
