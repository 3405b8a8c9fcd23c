package dev.camelsegmind.component.engine;

import java.time.Duration;

/**
 * Starts at {@code initial} and grows by half each poll up to {@code max}: a short job is noticed quickly and a long
 * one does not cost a status call every second.
 */
public final class BackoffPollingPolicy implements PollingPolicy {

    private final Duration initial;
    private final Duration max;

    public BackoffPollingPolicy(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
    }

    @Override
    public Duration nextDelay(String model, int polls, Duration elapsed, JobState state) {
        double millis = initial.toMillis() * Math.pow(1.5, Math.max(0, polls - 1));
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }
}
