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

    /**
     * This error, its message naming the message's job key, by which an operator finds the pending-job entry to
     * reconcile; itself when there is no key or the message names it already.
     */
    public SegmindSubmitUncertainException withJobKey(String jobKey) {
        if (jobKey == null) {
            return this;
        }
        String key = dev.camelsegmind.component.model.SafeText.forMessage(jobKey, 120);
        if (getMessage() != null && getMessage().contains("job key " + key)) {
            return this;
        }
        SegmindSubmitUncertainException named = new SegmindSubmitUncertainException(getMessage() + " [job key " + key
                + "]", getHttpStatus(), getDetail(), getRequestId(), getModel(), getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }
}
