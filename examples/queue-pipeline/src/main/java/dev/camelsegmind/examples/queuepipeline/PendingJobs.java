package dev.camelsegmind.examples.queuepipeline;

import java.util.Map;

import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The messages of {@code segmind.pending}: the body and property {@code SegmindRequestId} hold the request id (on
 * Kafka it would be the record key, so one partition owns each job), property {@code SegmindModel} the model.
 * A job still running goes back to the queue with ActiveMQ's {@code AMQ_SCHEDULED_DELAY}, so its next status read
 * waits in the broker's persistent scheduler rather than in a thread.
 */
final class PendingJobs {

    static final String SCHEDULED_DELAY = "AMQ_SCHEDULED_DELAY";

    private final long pollInterval;

    PendingJobs(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** After operation=submit: the id of the accepted job, nothing else. */
    static void fromSubmitted(Exchange exchange) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        PipelineHeaders.forQueue(m, Map.of(PipelineHeaders.POLLS, 0));
        m.setBody(requestId);
    }

    /** After a status read that found the job running (or a passing failure): the same id, read again later. */
    void pollAgain(Exchange exchange) {
        Message m = exchange.getMessage();
        int polls = m.getHeader(PipelineHeaders.POLLS, 0, Integer.class);
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        PipelineHeaders.forQueue(m, Map.of(PipelineHeaders.POLLS, polls + 1, SCHEDULED_DELAY, pollInterval));
        m.setBody(requestId);
    }
}
