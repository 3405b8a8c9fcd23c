package dev.camelsegmind.component.error;

/**
 * The key was missing or rejected (401), or the key's team may not use this model (403).
 */
public class SegmindAuthenticationException extends SegmindException {

    public SegmindAuthenticationException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindAuthenticationException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
