package dev.camelsegmind.component.error;

import java.time.Instant;

/**
 * Segmind answered 429: the plan's requests per minute are used up. Carries when the window resets, when the server
 * said so ({@code x-rate-limit-reset-at-utc} or {@code Retry-After}).
 */
public class SegmindRateLimitException extends SegmindException {

    private final Instant resetAt;

    public SegmindRateLimitException(String message, String detail, String requestId, String model, Instant resetAt) {
        super(message, 429, detail, requestId, model);
        this.resetAt = resetAt;
    }

    /** When the rate-limit window resets, or null when the server did not say. */
    public Instant getResetAt() {
        return resetAt;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
