package dev.camelsegmind.component.error;

/**
 * The connection failed after a submit was sent, so Segmind may have accepted (and billed) the job. It is not retried unless option retryUncertainSubmit is set, because Segmind has no idempotency key: retrying could bill twice.
 */
public class SegmindSubmitUncertainException extends SegmindException {

    public SegmindSubmitUncertainException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindSubmitUncertainException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
