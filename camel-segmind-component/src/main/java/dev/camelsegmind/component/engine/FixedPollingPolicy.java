package dev.camelsegmind.component.engine;

import java.time.Duration;

/** Polls at one fixed interval, like Segmind's own SDK. */
public final class FixedPollingPolicy implements PollingPolicy {

    private final Duration interval;

    public FixedPollingPolicy(Duration interval) {
        this.interval = interval;
    }

    @Override
    public Duration nextDelay(String model, int polls, Duration elapsed, JobState state) {
        return interval;
    }
}
