package dev.camelsegmind.component.error;

/**
 * Base of every error the Segmind component raises. Carries what a route needs to decide what to do next: the
 * HTTP status (0 when no call was made), the server's own detail, the request id when a job exists, and the model.
 * The API key is never part of any message.
 */
public class SegmindException extends RuntimeException {

    private final int httpStatus;
    private final String detail;
    private final String requestId;
    private final String model;

    public SegmindException(String message, int httpStatus, String detail, String requestId, String model,
                            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.detail = detail;
        this.requestId = requestId;
        this.model = model;
    }

    public SegmindException(String message, int httpStatus, String detail, String requestId, String model) {
        this(message, httpStatus, detail, requestId, model, null);
    }

    /** HTTP status of the answer that caused this error, or 0 when the error arose without an answer. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The server's own words (its {@code error} field), or null. */
    public String getDetail() {
        return detail;
    }

    /** The Segmind request id of the job, or null when no job was accepted. */
    public String getRequestId() {
        return requestId;
    }

    public String getModel() {
        return model;
    }

    /**
     * Whether trying the same call again later can succeed (rate limits, gateway faults). Job failures, bad input and
     * authentication problems are not retryable.
     */
    public boolean isRetryable() {
        return false;
    }
}
