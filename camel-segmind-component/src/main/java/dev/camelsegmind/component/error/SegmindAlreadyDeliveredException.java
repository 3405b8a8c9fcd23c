package dev.camelsegmind.component.error;

/**
 * The message's job was delivered twice and the route failed after the Segmind step both times, so it is neither
 * collected nor submitted again for a while: a step that keeps failing would otherwise spend the plan's request
 * budget (or its credits) on every redelivery. No call was made. The request id names the delivered job.
 */
public class SegmindAlreadyDeliveredException extends SegmindException {

    public SegmindAlreadyDeliveredException(String message, String requestId, String model) {
        super(message, 0, null, requestId, model);
    }
}
