package dev.camelsegmind.component.engine;

import java.time.Duration;



/**
 * Observes jobs as the engine moves them along: for logging, progress messages, metrics and the developer console.
 * Called on the engine's threads; implementations must be quick and must not throw.
 */
public interface JobListener {

    JobListener NONE = new JobListener() {
    };

    default void submitted(JobHandle job) {
    }

    /** A status read; {@code from} is null on the first. */
    default void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
    }

    default void retrying(String requestId, String model, CallPhase phase, int attempt, long delayMillis,
                          Throwable cause) {
    }

    default void completed(JobResult result, Duration elapsed) {
    }

    default void downloaded(JobHandle job, long bytes) {
    }

    /** The job (or its submit, when {@code job} is null) failed for good. */
    default void failed(JobHandle job, String model, Throwable error) {
    }

    static JobListener compose(JobListener a, JobListener b) {
        if (a == NONE || a == null) {
            return b == null ? NONE : b;
        }
        if (b == NONE || b == null) {
            return a;
        }
        return new CompositeJobListener(a, b);
    }
}
