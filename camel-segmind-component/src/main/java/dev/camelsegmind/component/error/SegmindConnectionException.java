package dev.camelsegmind.component.error;

/**
 * The API could not be reached (connection refused, reset, or timed out) on a call that is safe to repeat.
 */
public class SegmindConnectionException extends SegmindException {

    public SegmindConnectionException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindConnectionException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
