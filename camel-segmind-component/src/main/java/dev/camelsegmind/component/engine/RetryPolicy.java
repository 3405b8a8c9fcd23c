package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed call is repeated: exponential backoff from {@code initialDelay} to
 * {@code maxDelay} with full jitter, so many jobs that failed together do not retry together.
 *
 * @param maxRetries           retries after the first attempt (0 = never retry)
 * @param retryUncertainSubmit repeat a submit whose acceptance is unknown (may bill twice)
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, boolean retryUncertainSubmit) {

    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);

    /** The delay before retry number {@code attempt} (1-based), jittered between half and all of the backoff. */
    public long delayMillis(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        long capped = (long) Math.min(base, maxDelay.toMillis());
        if (capped <= 1) {
            return capped;
        }
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
