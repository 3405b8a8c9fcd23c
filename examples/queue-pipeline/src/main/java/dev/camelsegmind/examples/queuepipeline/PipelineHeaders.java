package dev.camelsegmind.examples.queuepipeline;

import java.util.HashMap;
import java.util.Map;

import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Message;

/**
 * The properties a job carries from queue to queue. JMS drops Camel's own headers ({@code Camel*}) on the way, so the
 * queues use names of their own, mapped to and from the component's headers at the route's edges. Everything else
 * a message picked up on the way is dropped, so each queue's messages have one known shape.
 */
final class PipelineHeaders {

    static final String REQUEST_ID = "SegmindRequestId";
    static final String MODEL = "SegmindModel";
    static final String CONTENT_TYPE = "SegmindContentType";
    static final String FILE_NAME = "SegmindFileName";
    /** How many status reads the job has had so far. */
    static final String POLLS = "SegmindPolls";
    /** The sender's own id for its request, echoed on the result or failure. */
    static final String CORRELATION_ID = "JMSCorrelationID";
    /** Exchange property: the original request, kept until the job is accepted so a failure can carry it. */
    static final String ORIGINAL_REQUEST = "SegmindPipelineRequest";

    private PipelineHeaders() {
    }

    /** Before a message goes to a queue: the job's own properties only, plus {@code extra}. */
    static void forQueue(Message m, Map<String, Object> extra) {
        Map<String, Object> kept = new HashMap<>();
        put(kept, REQUEST_ID, m.getHeader(SegmindConstants.REQUEST_ID, m.getHeader(REQUEST_ID), String.class));
        put(kept, MODEL, m.getHeader(SegmindConstants.JOB_MODEL,
                m.getHeader(SegmindConstants.MODEL, m.getHeader(MODEL), String.class), String.class));
        put(kept, CORRELATION_ID, m.getHeader(CORRELATION_ID));
        put(kept, POLLS, m.getHeader(POLLS));
        m.getHeaders().clear();
        m.getHeaders().putAll(kept);
        m.getHeaders().putAll(extra);
    }

    /** After a message comes off {@code segmind.pending}: the component's headers from the queue's. */
    static void fromQueue(Message m) {
        m.setHeader(SegmindConstants.REQUEST_ID, m.getHeader(REQUEST_ID, m.getBody(String.class), String.class));
        if (m.getHeader(MODEL) != null) {
            m.setHeader(SegmindConstants.MODEL, m.getHeader(MODEL));
        }
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
