package dev.camelsegmind.simulator;

import java.time.Duration;

/**
 * A sliding-window limit kept as a ring of the last N accepted request times: a request fits when
 * the oldest of those has left the window. Constant memory and time whatever the traffic.
 */
final class RateLimiter {

    /** The answer for one request; {@code retryAfter} is zero when allowed. */
    record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOW = new Decision(true, Duration.ZERO);
    }

    private final int limit;
    private final long windowNanos;
    private final long[] stamps;
    private int oldest;
    private int count;

    RateLimiter(int limit, Duration window) {
        if (limit < 0) {
            throw new IllegalArgumentException("rateLimitPerMinute must not be negative");
        }
        this.limit = limit;
        this.windowNanos = Math.max(1, window.toNanos());
        this.stamps = new long[limit];
    }

    synchronized Decision tryAcquire(long nowNanos) {
        if (limit == 0) {
            return Decision.ALLOW;
        }
        if (count < limit) {
            stamps[(oldest + count) % limit] = nowNanos;
            count++;
            return Decision.ALLOW;
        }
        long age = nowNanos - stamps[oldest];
        if (age >= windowNanos) {
            stamps[oldest] = nowNanos;
            oldest = (oldest + 1) % limit;
            return Decision.ALLOW;
        }
        return new Decision(false, Duration.ofNanos(windowNanos - age));
    }

    synchronized void reset() {
        oldest = 0;
        count = 0;
    }
}
