package dev.camelsegmind.component.error;

/**
 * Segmind no longer knows the request id (404): results are kept one hour after submission.
 */
public class SegmindRequestExpiredException extends SegmindException {

    public SegmindRequestExpiredException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindRequestExpiredException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
