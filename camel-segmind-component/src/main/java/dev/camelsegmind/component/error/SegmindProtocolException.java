package dev.camelsegmind.component.error;

/**
 * An answer did not have the shape the API promises (for example a submit answer without request id, or JSON that does not parse).
 */
public class SegmindProtocolException extends SegmindException {

    public SegmindProtocolException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindProtocolException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
