package dev.camelsegmind.component.engine;

import java.time.Duration;

/**
 * When to read a job's status next. Implementations may learn from finished jobs (see
 * {@link #jobFinished(String, Duration)}) to poll rarely early on and often near the expected finish.
 */
public interface PollingPolicy {

    /**
     * The delay before the next status read.
     *
     * @param model   the job's model
     * @param polls   status reads made so far for this job (0 before the first)
     * @param elapsed time since submission
     * @param state   the last state read, or null before the first read
     */
    Duration nextDelay(String model, int polls, Duration elapsed, JobState state);

    /** Told when a job of {@code model} finished after {@code duration} from submission. */
    default void jobFinished(String model, Duration duration) {
    }
}
