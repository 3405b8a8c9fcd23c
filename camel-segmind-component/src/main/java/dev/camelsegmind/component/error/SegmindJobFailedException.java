package dev.camelsegmind.component.error;

/**
 * The job ended FAILED, including content and safety (RAI) blocks; the detail says why. The request id names the billed job.
 */
public class SegmindJobFailedException extends SegmindException {

    public SegmindJobFailedException(String message, int httpStatus, String detail, String requestId, String model) {
        super(message, httpStatus, detail, requestId, model);
    }

    public SegmindJobFailedException(String message, int httpStatus, String detail, String requestId, String model, Throwable cause) {
        super(message, httpStatus, detail, requestId, model, cause);
    }
}
