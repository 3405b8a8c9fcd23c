package dev.camelsegmind.component.error;

/**
 * Segmind or its gateway failed (5xx). On submit Segmind documents that the job was not accepted.
 */
public class SegmindServerException extends SegmindException {

    public SegmindServerException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindServerException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
