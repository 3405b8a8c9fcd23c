package dev.camelsegmind.component.error;

/**
 * Segmind refused the request's parameters or format (400, 405, 406 for content type, 422 on submit). Nothing was billed.
 */
public class SegmindBadRequestException extends SegmindException {

    public SegmindBadRequestException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindBadRequestException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
