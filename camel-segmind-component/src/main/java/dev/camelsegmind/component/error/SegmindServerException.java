package dev.camelsegmind.component.error;

import java.time.Instant;

/**
 * Segmind or its gateway failed (5xx). On submit Segmind documents that the job was not accepted. A 503 may say when
 * to come back ({@code Retry-After}); retries wait at least that long.
 */
public class SegmindServerException extends SegmindException {

    private final Instant retryAfter;

    public SegmindServerException(String message, int httpStatus, String detail, String requestId, String model) {
        this(message, httpStatus, detail, requestId, model, (Instant) null);
    }

    public SegmindServerException(String message, int httpStatus, String detail, String requestId, String model,
                                  Instant retryAfter) {
        super(message, httpStatus, detail, requestId, model);
        this.retryAfter = retryAfter;
    }

    public SegmindServerException(String message, int httpStatus, String detail, String requestId, String model,
                                  Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
        this.retryAfter = null;
    }

    /** When the server asked to be called again (its {@code Retry-After}), or null. */
    public Instant getRetryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
