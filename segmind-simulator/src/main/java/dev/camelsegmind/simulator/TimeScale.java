package dev.camelsegmind.simulator;

import java.time.Duration;

/**
 * Turns simulated durations into real ones. One factor for everything (queue, render, retention,
 * rate window) keeps the simulated world self-consistent when a test runs it a hundred times faster.
 */
final class TimeScale {

    private final double factor;

    TimeScale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("timeFactor must be a positive number, got " + factor);
        }
        this.factor = factor;
    }

    double factor() {
        return factor;
    }

    Duration real(Duration simulated) {
        double nanos = simulated.toNanos() * factor;
        return Duration.ofNanos(nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(nanos));
    }
}
