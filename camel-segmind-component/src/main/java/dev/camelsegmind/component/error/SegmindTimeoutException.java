package dev.camelsegmind.component.error;

/**
 * The job did not finish before the deadline (option {@code timeout}). Segmind has no cancel: the job keeps running
 * and can be collected with {@code operation=await} and the request id for one hour after submission.
 */
public class SegmindTimeoutException extends SegmindException {

    private final String lastStatus;

    public SegmindTimeoutException(String message, String requestId, String model, String lastStatus) {
        super(message, 0, null, requestId, model);
        this.lastStatus = lastStatus;
    }

    /** The last status seen before the deadline (QUEUED or PROCESSING), or null when none was read. */
    public String getLastStatus() {
        return lastStatus;
    }
}
