package dev.camelsegmind.component.error;

/**
 * The account has too few credits or hit its team spend limit (406 with a credit message). Nothing was billed.
 */
public class SegmindInsufficientCreditsException extends SegmindException {

    public SegmindInsufficientCreditsException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindInsufficientCreditsException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
