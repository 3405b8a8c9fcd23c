package dev.camelsegmind.component.error;

/**
 * The model slug is unknown (404) or the model was retired (410).
 */
public class SegmindModelNotFoundException extends SegmindException {

    public SegmindModelNotFoundException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindModelNotFoundException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
