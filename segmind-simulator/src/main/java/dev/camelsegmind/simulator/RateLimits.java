package dev.camelsegmind.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Segmind limits requests per key (5 or 50 a minute depending on the plan), so one key's burst
 * never throttles another's. Each key gets its own window, timed by the simulator's clock so a
 * {@link SimulatedClock} can step past it.
 */
final class RateLimits {

    private final int perMinute;
    private final Duration window;
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    RateLimits(int perMinute, Duration window) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("rateLimitPerMinute must not be negative");
        }
        this.perMinute = perMinute;
        this.window = window;
    }

    /** {@code now} is when the request arrived, so a refusal's reset time is exact to the window's start. */
    RateLimiter.Decision tryAcquire(String key, Instant now) {
        if (perMinute == 0) {
            return RateLimiter.Decision.ALLOW;
        }
        long nanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        return limiters.computeIfAbsent(key, k -> new RateLimiter(perMinute, window)).tryAcquire(nanos);
    }

    void reset() {
        limiters.clear();
    }
}
