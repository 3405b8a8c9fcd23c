package dev.camelsegmind.examples.queuepipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The messages of {@code segmind.failed}: a JSON report a person or another route can act on. A failure before
 * Segmind accepted the job carries the original request (fix it and send it again); one after carries the request
 * id (the job was billed).
 */
final class Failures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {
    }

    /** From an exception the route caught. */
    static void fromException(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("error", e instanceof SegmindException ? e.getMessage() : "Internal error: " + e);
        if (e instanceof SegmindValidationException invalid) {
            report.put("option", invalid.getOption());
        }
        if (e instanceof SegmindException se) {
            if (se.getDetail() != null) {
                report.put("detail", se.getDetail());
            }
            if (se.getRequestId() != null) {
                exchange.getMessage().setHeader(SegmindConstants.REQUEST_ID, se.getRequestId());
            }
        }
        write(exchange, report);
    }

    /** From a status read that found the job FAILED. */
    static void fromStatus(Exchange exchange) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("error", "The job failed");
        report.put("detail", exchange.getMessage().getHeader(SegmindConstants.ERROR, String.class));
        write(exchange, report);
    }

    private static void write(Exchange exchange, Map<String, Object> report) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        if (requestId != null) {
            report.put("requestId", requestId);
        }
        // the model a job ran on, else the one asked for
        String model = m.getHeader(SegmindConstants.JOB_MODEL, m.getHeader(SegmindConstants.MODEL), String.class);
        if (model != null) {
            report.put("model", model);
        }
        String original = exchange.getProperty(PipelineHeaders.ORIGINAL_REQUEST, String.class);
        if (original != null && requestId == null) {
            report.put("request", original);
        }
        PipelineHeaders.forQueue(m, Map.of());
        try {
            m.setBody(JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the failure report", e);
        }
    }
}
