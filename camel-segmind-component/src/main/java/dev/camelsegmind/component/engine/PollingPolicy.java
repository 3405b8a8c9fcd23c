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

    /**
     * As {@link #nextDelay(String, int, Duration, JobState)}, knowing also when the job was first seen PROCESSING:
     * a job that waited long in a queue and then renders for a steady time is best timed from its start.
     *
     * @param processingSeen time from submission to the first read that found the job PROCESSING right after a read
     *                       that found it QUEUED, so the job started between the two; null otherwise (still QUEUED,
     *                       already running at its first read, or a provider that never reports the start)
     */
    default Duration nextDelay(String model, int polls, Duration elapsed, JobState state, Duration processingSeen) {
        return nextDelay(model, polls, elapsed, state);
    }

    /** Told when a job of {@code model} finished after {@code duration} from submission. */
    default void jobFinished(String model, Duration duration) {
    }

    /**
     * As {@link #jobFinished(String, Duration)}, with the time from the read that saw the job leave the queue (see
     * {@link #nextDelay(String, int, Duration, JobState, Duration)}) to the read that found it finished, or null.
     */
    default void jobFinished(String model, Duration duration, Duration sinceProcessingSeen) {
        jobFinished(model, duration);
    }

    /**
     * As {@link #nextDelay(String, int, Duration, JobState, Duration)}, for a job of one timing class: an opaque name
     * for the request parameters that drive the model's render time (a video's length and resolution, say), so
     * jobs of one model that differ in those can be timed apart. The engine calls this one; by default it ignores the
     * class, so a policy written against the older methods works as before.
     *
     * @param timingClass the job's class as its provider named it, or null when unknown (a model without such
     *                    parameters, a resumed job, a job only followed by its request id)
     */
    default Duration nextDelay(String model, String timingClass, int polls, Duration elapsed, JobState state,
                               Duration processingSeen) {
        return nextDelay(model, polls, elapsed, state, processingSeen);
    }

    /**
     * As {@link #jobFinished(String, Duration, Duration)}, for a job of {@code timingClass} (see
     * {@link #nextDelay(String, String, int, Duration, JobState, Duration)}). The engine calls this one; by default it
     * ignores the class.
     */
    default void jobFinished(String model, String timingClass, Duration duration, Duration sinceProcessingSeen) {
        jobFinished(model, duration, sinceProcessingSeen);
    }
}
