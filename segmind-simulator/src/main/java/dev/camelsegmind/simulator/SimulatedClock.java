package dev.camelsegmind.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told, for tests that need the simulator's hour of retention, a
 * rate window or a long render to pass in an instant:
 * <pre>{@code
 * SimulatedClock clock = new SimulatedClock();
 * SegmindSimulator sim = SegmindSimulator.builder().clock(clock).build().start();
 * // submit a job ...
 * clock.advance(Duration.ofMinutes(61));   // its status and result now answer 404
 * }</pre>
 * Job states, retention and rate limits read this clock; answers the simulator holds back (a
 * {@code delay} fault, a blocking v1 call) still wait in real time, since a socket cannot be
 * answered in a time that has not happened.
 */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    /** Starts at the current real time, so timestamps in answers look plausible. */
    public SimulatedClock() {
        this(Instant.now());
    }

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward; going back is refused, as no real clock of Segmind's does. */
    public synchronized Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, got " + amount);
        }
        now = now.plus(amount);
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Time zones do not matter to the simulator; sharing the same instant does.
        return this;
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now + "]";
    }
}
